package io.spacecomp.orbit.ground;

/**
 * When a ground station can use a satellite (the ground-to-satellite link, GSL). Two models, so results can
 * be compared like for like with other simulators:
 *
 * <ul>
 *   <li>{@link ElevationMask}: usable when the satellite is at least {@code minElevationDeg} above the
 *   station's local horizon. The physical model of user terminals and gateways (Starlink terminals: 25°)
 *   and the default of this project.</li>
 *   <li>{@link RangeCone}: usable when the slant range is at most {@code maxRangeKm}, whatever the elevation.
 *   The model of ns-3 based simulators (Hypatia's {@code max_gsl_length_m}), which derive the range from an
 *   elevation for one altitude: 1,089.7 km is 25° at 550 km. Use it to reproduce their numbers. It does not
 *   test the horizon: below the horizon distance √((R+h)² − R²) (2,700 km at 550 km) every satellite in
 *   range is above the horizon anyway.</li>
 * </ul>
 */
public sealed interface GroundLinkModel permits GroundLinkModel.ElevationMask, GroundLinkModel.RangeCone {

    /** Whether a satellite seen at {@code elevationDeg} and {@code rangeKm} is usable. */
    boolean admits(double elevationDeg, double rangeKm);

    /** The elevation mask of the station itself ({@link GroundStation#minElevationDeg()}). */
    static GroundLinkModel of(GroundStation station) {
        return new ElevationMask(station.minElevationDeg());
    }

    /** Usable at or above {@code minElevationDeg} over the local horizon (degrees, 0..90). */
    record ElevationMask(double minElevationDeg) implements GroundLinkModel {

        public ElevationMask {
            if (!(minElevationDeg >= 0.0 && minElevationDeg <= 90.0)) {
                throw new IllegalArgumentException("minElevationDeg must be in [0, 90], got " + minElevationDeg);
            }
        }

        @Override
        public boolean admits(double elevationDeg, double rangeKm) {
            return elevationDeg >= minElevationDeg;
        }
    }

    /** Usable at a slant range of at most {@code maxRangeKm} (km, &gt; 0): the cone of ns-3 simulators. */
    record RangeCone(double maxRangeKm) implements GroundLinkModel {

        public RangeCone {
            if (!(maxRangeKm > 0.0) || Double.isInfinite(maxRangeKm)) {
                throw new IllegalArgumentException("maxRangeKm must be > 0 and finite, got " + maxRangeKm);
            }
        }

        @Override
        public boolean admits(double elevationDeg, double rangeKm) {
            return rangeKm <= maxRangeKm;
        }
    }
}
