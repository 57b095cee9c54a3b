package io.spacecomp.placement;

import io.spacecomp.orbit.link.LinkBudget;

/**
 * The placement cost of eq. 5: {@code C(t,p) = m_p·K + h(t,p)·H + S(d(t→p), V)}, with S the eq. 6–7
 * transmission time of V bytes over the route's physical length d.
 *
 * @param processingFactor     m_p, processing-time factor of the receiving task (dimensionless)
 * @param normalisationK       K, processing cost per unit (cost units)
 * @param perHopOverheadH      H, cost per hop: queuing, forwarding (cost units)
 * @param volumeBytes          V, bytes moved (paper: 10 GB per collect task)
 * @param linkBudget           the eq. 6–7 link model
 */
public record CostModel(double processingFactor, double normalisationK, double perHopOverheadH,
                        double volumeBytes, LinkBudget linkBudget) {

    /** Paper Table II: m_p = 1, H = t_h = 3, V = 10 GB; K = 1. */
    public static final CostModel PAPER_DEFAULT = new CostModel(1.0, 1.0, 3.0, 10e9, LinkBudget.PAPER_DEFAULT);

    public CostModel {
        requireNonNegative("processingFactor", processingFactor);
        requireNonNegative("normalisationK", normalisationK);
        requireNonNegative("perHopOverheadH", perHopOverheadH);
        requireNonNegative("volumeBytes", volumeBytes);
        if (linkBudget == null) {
            throw new IllegalArgumentException("linkBudget must not be null");
        }
    }

    /** The same model moving {@code bytes} instead. */
    public CostModel withVolume(double bytes) {
        return new CostModel(processingFactor, normalisationK, perHopOverheadH, bytes, linkBudget);
    }

    /** Eq. 5 for a route of {@code hops} hops and {@code distanceKm} km; a zero-hop route moves nothing. */
    public double cost(int hops, double distanceKm) {
        double transfer = hops == 0 ? 0.0 : linkBudget.transmissionTimeS(distanceKm, volumeBytes);
        return processingFactor * normalisationK + hops * perHopOverheadH + transfer;
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        }
    }
}
