package io.spacecomp.routing;

/**
 * How a router treats time and the poles.
 *
 * @param perHopOverheadS  time added at each hop on top of propagation (s, ≥ 0): forwarding, queuing
 * @param protection       the polar-cap rule
 */
public record RouteOptions(double perHopOverheadS, PolarProtection protection) {

    /** Speed-of-light hops, no polar protection. */
    public static final RouteOptions DEFAULT = new RouteOptions(0.0, PolarProtection.OFF);

    public RouteOptions {
        if (!(perHopOverheadS >= 0.0) || Double.isInfinite(perHopOverheadS)) {
            throw new IllegalArgumentException("perHopOverheadS must be >= 0 and finite, got " + perHopOverheadS);
        }
        if (protection == null) {
            throw new IllegalArgumentException("protection must not be null");
        }
    }

    public RouteOptions withProtection(PolarProtection p) {
        return new RouteOptions(perHopOverheadS, p);
    }
}
