package io.spacecomp.orbit.link;

/**
 * Optical ISL budget of the paper (eq. 6–7): Shannon capacity {@code B·log2(1 + SNR(d))} with
 * {@code SNR(d) = P·Gt·Gr / (kB·NT·B·FSPL(d))} and {@code FSPL(d) = (4πd/λ)²}, and the transmission time
 * {@code S(d, V) = d/c + 8V / capacity(d)}.
 *
 * @param bandwidthHz       B (Hz)
 * @param transmitPowerW    P (W)
 * @param transmitGainDbi   Gt (dBi)
 * @param receiveGainDbi    Gr (dBi)
 * @param noiseTemperatureK NT (K)
 * @param wavelengthM       λ (m)
 */
public record LinkBudget(double bandwidthHz, double transmitPowerW, double transmitGainDbi,
                         double receiveGainDbi, double noiseTemperatureK, double wavelengthM) {

    /** Speed of light in vacuum (km/s). */
    public static final double SPEED_OF_LIGHT_KM_PER_S = 299_792.458;
    /** Boltzmann constant kB (J/K). */
    public static final double BOLTZMANN_J_PER_K = 1.380649e-23;

    /** Paper Table II: B = 10 GHz, P = 5 W, Gt = Gr = 62.5 dBi, NT = 300 K, λ = 1550 nm. */
    public static final LinkBudget PAPER_DEFAULT = new LinkBudget(10e9, 5.0, 62.5, 62.5, 300.0, 1550e-9);

    public LinkBudget {
        requirePositive("bandwidthHz", bandwidthHz);
        requirePositive("transmitPowerW", transmitPowerW);
        requireFinite("transmitGainDbi", transmitGainDbi);
        requireFinite("receiveGainDbi", receiveGainDbi);
        requirePositive("noiseTemperatureK", noiseTemperatureK);
        requirePositive("wavelengthM", wavelengthM);
    }

    /** Free-space path loss (4πd/λ)² (linear) over {@code distanceKm}. */
    public double freeSpacePathLoss(double distanceKm) {
        double x = 4.0 * Math.PI * distanceKm * 1000.0 / wavelengthM;
        return x * x;
    }

    /** Signal-to-noise ratio (linear) over {@code distanceKm}. */
    public double snr(double distanceKm) {
        double gains = Math.pow(10.0, (transmitGainDbi + receiveGainDbi) / 10.0);
        return transmitPowerW * gains
                / (BOLTZMANN_J_PER_K * noiseTemperatureK * bandwidthHz * freeSpacePathLoss(distanceKm));
    }

    /** Shannon capacity B·log2(1 + SNR) (bit/s) over {@code distanceKm} (&gt; 0). */
    public double capacityBitsPerS(double distanceKm) {
        if (!(distanceKm > 0.0)) {
            throw new IllegalArgumentException("distanceKm must be > 0, got " + distanceKm);
        }
        return bandwidthHz * Math.log1p(snr(distanceKm)) / Math.log(2.0);
    }

    /** Propagation delay d/c (s). */
    public static double propagationDelayS(double distanceKm) {
        return distanceKm / SPEED_OF_LIGHT_KM_PER_S;
    }

    /** S(d, V) = d/c + 8V/capacity(d) (s): time to move {@code bytes} over one link of {@code distanceKm}. */
    public double transmissionTimeS(double distanceKm, double bytes) {
        if (!(bytes >= 0.0)) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        return propagationDelayS(distanceKm) + 8.0 * bytes / capacityBitsPerS(distanceKm);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
