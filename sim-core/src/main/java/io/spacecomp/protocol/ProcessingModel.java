package io.spacecomp.protocol;

/**
 * How long a satellite computes, from what it processes: {@code factor · (records · perRecordS + bytes ·
 * perByteS)} per phase, the factors being the paper's m_p (map) and r_p (reduce). The simulator takes
 * task time from here, never from the host; the emulator uses {@link #NONE} because real code runs.
 *
 * @param perRecordS   seconds per record
 * @param perByteS     seconds per byte
 * @param mapFactor    m_p
 * @param reduceFactor r_p
 */
public record ProcessingModel(double perRecordS, double perByteS, double mapFactor, double reduceFactor) {

    /** 1 µs per record, 1 ns per byte (≈ 1 GB/s), m_p = r_p = 1 (paper Table II). */
    public static final ProcessingModel DEFAULT = new ProcessingModel(1e-6, 1e-9, 1.0, 1.0);
    /** Takes no time: for wall-clock runs, where the real computation takes its real time. */
    public static final ProcessingModel NONE = new ProcessingModel(0, 0, 1.0, 1.0);

    public ProcessingModel {
        for (double v : new double[] {perRecordS, perByteS, mapFactor, reduceFactor}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("processing factors must be >= 0 and finite, got " + v);
            }
        }
    }

    public double collectS(long records, long bytes) {
        return records * perRecordS + bytes * perByteS;
    }

    public double mapS(long records, long bytes) {
        return mapFactor * (records * perRecordS + bytes * perByteS);
    }

    public double reduceS(long records, long bytes) {
        return reduceFactor * (records * perRecordS + bytes * perByteS);
    }
}
