package io.spacecomp.protocol;

import io.spacecomp.tasks.Task;
import io.spacecomp.tasks.TaskCost;

/**
 * How long a satellite computes, from what it processes: {@code factor · (records · perRecordS + bytes ·
 * perByteS)} per phase, the factors being the paper's m_p (map) and r_p (reduce). The simulator takes
 * task time from here, never from the host; the emulator uses {@link #NONE} because real code runs.
 *
 * <p>A task that implements {@link TaskCost} carries its own per-record and per-byte figures, measured on the
 * reference machine; they replace {@code perRecordS} and {@code perByteS} for that task, multiplied by
 * {@code taskCostScale}: how many times slower than the reference machine the simulated flight computer is
 * (1 = as fast; 0 ignores task figures and charges the generic ones). Tasks without {@link TaskCost} (the
 * word-count built-ins) are charged exactly as before.
 *
 * @param perRecordS    seconds per record
 * @param perByteS      seconds per byte
 * @param mapFactor     m_p
 * @param reduceFactor  r_p
 * @param taskCostScale flight-computer slowdown applied to a {@link TaskCost} task's measured figures
 */
public record ProcessingModel(double perRecordS, double perByteS, double mapFactor, double reduceFactor,
                              double taskCostScale) {

    /** 1 µs per record, 1 ns per byte (≈ 1 GB/s), m_p = r_p = 1 (paper Table II); task figures as measured. */
    public static final ProcessingModel DEFAULT = new ProcessingModel(1e-6, 1e-9, 1.0, 1.0, 1.0);
    /** Takes no time: for wall-clock runs, where the real computation takes its real time. */
    public static final ProcessingModel NONE = new ProcessingModel(0, 0, 1.0, 1.0, 0.0);

    /** Task figures as measured on the reference machine (scale 1). */
    public ProcessingModel(double perRecordS, double perByteS, double mapFactor, double reduceFactor) {
        this(perRecordS, perByteS, mapFactor, reduceFactor, 1.0);
    }

    public ProcessingModel {
        for (double v : new double[] {perRecordS, perByteS, mapFactor, reduceFactor, taskCostScale}) {
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

    /** This model with another flight-computer slowdown for {@link TaskCost} tasks. */
    public ProcessingModel withTaskCostScale(double scale) {
        return new ProcessingModel(perRecordS, perByteS, mapFactor, reduceFactor, scale);
    }

    /** Collect time of {@code task}: its own figures when it has them, else {@link #collectS(long, long)}. */
    public double collectS(Task task, long records, long bytes) {
        return task instanceof TaskCost c && taskCostScale > 0 ? taskS(c, records, bytes) : collectS(records, bytes);
    }

    /** Map (or combine) time of {@code task}: its own figures when it has them, else {@link #mapS(long, long)}. */
    public double mapS(Task task, long records, long bytes) {
        return task instanceof TaskCost c && taskCostScale > 0 ? mapFactor * taskS(c, records, bytes) : mapS(records, bytes);
    }

    /** Reduce time of {@code task}: its own figures when it has them, else {@link #reduceS(long, long)}. */
    public double reduceS(Task task, long records, long bytes) {
        return task instanceof TaskCost c && taskCostScale > 0 ? reduceFactor * taskS(c, records, bytes) : reduceS(records, bytes);
    }

    private double taskS(TaskCost c, long records, long bytes) {
        return taskCostScale * (records * c.perRecordS() + bytes * c.perByteS());
    }
}
