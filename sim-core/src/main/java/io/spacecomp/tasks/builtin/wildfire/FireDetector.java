package io.spacecomp.tasks.builtin.wildfire;

import java.util.ArrayList;
import java.util.List;

/**
 * A contextual active-fire test after Giglio et al. (2003, 2016: MODIS MOD14 Collection 6; Schroeder et al.
 * 2014 applied it to VIIRS 375 m), daytime branch, on the two thermal bands only (no reflective bands, so no
 * glint or water tests). T4 is the MWIR (~4 µm) and T11 the LWIR (~11 µm) brightness temperature, ΔT = T4 − T11.
 * <ol>
 *   <li>Cloud mask: T11 &lt; {@value #CLOUD_LWIR_K} K.</li>
 *   <li>Potential fire: T4 &gt; {@value #POTENTIAL_MWIR_K} K and ΔT &gt; {@value #POTENTIAL_DELTA_K} K.</li>
 *   <li>Absolute test: T4 &gt; {@value #ABSOLUTE_MWIR_K} K is a fire.</li>
 *   <li>Background: a window from 5 × 5 growing by 2 up to 21 × 21 pixels around the candidate, without its
 *       3 × 3 neighbours, cloud pixels and background fires (T4 &gt; {@value #BG_FIRE_MWIR_K} K and
 *       ΔT &gt; {@value #BG_FIRE_DELTA_K} K), until at least 8 pixels and 25 % of the window are valid; else the
 *       pixel stays unclassified (no detection).</li>
 *   <li>Contextual test: T4 &gt; mean(T4) + 3.5·σ(T4), ΔT &gt; mean(ΔT) + 3.5·σ(ΔT) and
 *       ΔT &gt; mean(ΔT) + {@value #CONTEXT_DELTA_K} K, σ being the mean absolute deviation as in MOD14.</li>
 * </ol>
 * Unlike Collection 6: 3.5·σ(T4) instead of 3·σ(T4), no LWIR contextual test, no reflective-band tests, no night
 * branch. Confidence as Collection 6 without the cloud/water-adjacency terms: the geometric mean of the ramps
 * S(T4; 310, 340 K), S(z4; 2.5, 6) and S(zΔT; 3, 6) (1 for an absolute detection without a background).
 * Fire radiative power by the MIR radiance method (Wooster et al. 2003):
 * FRP = A_pixel · σ_SB / a · (L4 − L4_background), a = {@value #WOOSTER_A} W m⁻² sr⁻¹ µm⁻¹ K⁻⁴.
 */
public final class FireDetector {

    public static final double CLOUD_LWIR_K = 265;
    public static final double POTENTIAL_MWIR_K = 310;
    public static final double POTENTIAL_DELTA_K = 10;
    public static final double ABSOLUTE_MWIR_K = 360;
    public static final double BG_FIRE_MWIR_K = 325;
    public static final double BG_FIRE_DELTA_K = 20;
    public static final double CONTEXT_SIGMAS = 3.5;
    public static final double CONTEXT_DELTA_K = 6;
    public static final double WOOSTER_A = 3.0e-9;
    private static final double STEFAN_BOLTZMANN = 5.670374419e-8;

    /**
     * One fire pixel.
     *
     * @param row        tile row
     * @param col        tile column
     * @param latDeg     pixel centre
     * @param lonDeg     pixel centre
     * @param mwirK      T4
     * @param lwirK      T11
     * @param confidence 0..1
     * @param frpMw      fire radiative power (MW)
     * @param absolute   found by the absolute test alone
     */
    public record Detection(int row, int col, double latDeg, double lonDeg, double mwirK, double lwirK, double confidence,
                            double frpMw, boolean absolute) {
    }

    private FireDetector() {
    }

    public static List<Detection> detect(ThermalTile tile) {
        int w = tile.width();
        int h = tile.height();
        float[] t4 = tile.mwirK();
        float[] t11 = tile.lwirK();
        List<Detection> out = new ArrayList<>();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                double dt = t4[i] - t11[i];
                if (t11[i] < CLOUD_LWIR_K || !(t4[i] > POTENTIAL_MWIR_K && dt > POTENTIAL_DELTA_K)) {
                    continue;
                }
                Detection d = classify(tile, r, c);
                if (d != null) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static Detection classify(ThermalTile tile, int r, int c) {
        int w = tile.width();
        int h = tile.height();
        float[] t4 = tile.mwirK();
        float[] t11 = tile.lwirK();
        int i = r * w + c;
        double dt = t4[i] - t11[i];
        boolean absolute = t4[i] > ABSOLUTE_MWIR_K;
        double[] bg4 = new double[21 * 21];
        double[] bgDt = new double[21 * 21];
        for (int half = 2; half <= 10; half++) {
            int n = 0;
            int size = 0;
            for (int y = r - half; y <= r + half; y++) {
                for (int x = c - half; x <= c + half; x++) {
                    if (Math.abs(y - r) <= 1 && Math.abs(x - c) <= 1) {
                        continue;
                    }
                    size++;
                    if (y < 0 || y >= h || x < 0 || x >= w) {
                        continue;
                    }
                    int j = y * w + x;
                    double d = t4[j] - t11[j];
                    if (t11[j] < CLOUD_LWIR_K || (t4[j] > BG_FIRE_MWIR_K && d > BG_FIRE_DELTA_K)) {
                        continue;
                    }
                    bg4[n] = t4[j];
                    bgDt[n] = d;
                    n++;
                }
            }
            if (n < 8 || n < 0.25 * size) {
                continue;
            }
            double mean4 = mean(bg4, n);
            double meanDt = mean(bgDt, n);
            double sd4 = meanAbsoluteDeviation(bg4, n, mean4);
            double sdDt = meanAbsoluteDeviation(bgDt, n, meanDt);
            boolean contextual = t4[i] > mean4 + CONTEXT_SIGMAS * sd4 && dt > meanDt + CONTEXT_SIGMAS * sdDt
                    && dt > meanDt + CONTEXT_DELTA_K;
            if (!absolute && !contextual) {
                return null;
            }
            double z4 = (t4[i] - mean4) / Math.max(sd4, 1e-6);
            double zDt = (dt - meanDt) / Math.max(sdDt, 1e-6);
            double conf = Math.cbrt(ramp(t4[i], 310, 340) * ramp(z4, 2.5, 6) * ramp(zDt, 3, 6));
            double frp = frpMw(tile.pixelM(), t4[i], mean4);
            return new Detection(r, c, tile.latDeg(r), tile.lonDeg(c), t4[i], t11[i], absolute ? 1.0 : conf,
                    frp, absolute && !contextual);
        }
        // no valid background: only the absolute test decides; FRP against a nominal 300 K background
        return absolute ? new Detection(r, c, tile.latDeg(r), tile.lonDeg(c), t4[i], t11[i], 1.0, frpMw(tile.pixelM(), t4[i], 300),
                true) : null;
    }

    /** Fire radiative power (MW) of a pixel of side {@code pixelM} from its and its background's MWIR temperatures. */
    public static double frpMw(double pixelM, double mwirK, double backgroundMwirK) {
        double dl = Planck.radiance(Planck.MWIR_UM, mwirK) - Planck.radiance(Planck.MWIR_UM, backgroundMwirK);
        return pixelM * pixelM * STEFAN_BOLTZMANN / WOOSTER_A * dl / 1e6;
    }

    private static double ramp(double x, double lo, double hi) {
        return x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo);
    }

    private static double mean(double[] v, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += v[k];
        }
        return s / n;
    }

    private static double meanAbsoluteDeviation(double[] v, int n, double mean) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Math.abs(v[k] - mean);
        }
        return s / n;
    }
}
