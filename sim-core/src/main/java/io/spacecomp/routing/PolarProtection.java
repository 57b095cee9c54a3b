package io.spacecomp.routing;

/**
 * Forbids cross-plane hops inside the polar caps, where adjacent planes cross over and cross-plane
 * links break (SPEC §2).
 *
 * @param enabled           whether the rule applies
 * @param latitudeLimitDeg  no cross-plane hop when either end's |latitude| exceeds this (degrees, 0..90)
 */
public record PolarProtection(boolean enabled, double latitudeLimitDeg) {

    /** The default cap edge (degrees). */
    public static final double DEFAULT_LIMIT_DEG = 75.0;

    public static final PolarProtection OFF = new PolarProtection(false, DEFAULT_LIMIT_DEG);
    public static final PolarProtection DEFAULT = new PolarProtection(true, DEFAULT_LIMIT_DEG);

    public PolarProtection {
        if (!(latitudeLimitDeg >= 0.0 && latitudeLimitDeg <= 90.0)) {
            throw new IllegalArgumentException("polar latitude limit must be in [0, 90] degrees, got " + latitudeLimitDeg);
        }
    }

    public static PolarProtection at(double latitudeLimitDeg) {
        return new PolarProtection(true, latitudeLimitDeg);
    }
}
