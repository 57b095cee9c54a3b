package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.geometry.GeoPoint;
import org.orekit.bodies.GeodeticPoint;

/**
 * A position in geodetic coordinates over the WGS84 ellipsoid. Unlike the analytic model's geocentric
 * latitudes, the latitude here is the angle of the ellipsoid normal with the equator: the two differ by up
 * to 0.19° at ±45°.
 *
 * @param latDeg      geodetic latitude (degrees, −90..90)
 * @param lonDeg      longitude (degrees, −180..180)
 * @param altitudeKm  height above the WGS84 ellipsoid along its normal (km)
 */
public record GeodeticPosition(double latDeg, double lonDeg, double altitudeKm) {

    public GeodeticPosition {
        new GeoPoint(latDeg, lonDeg); // validates both, naming the bad one
        if (!Double.isFinite(altitudeKm)) {
            throw new IllegalArgumentException("altitudeKm must be finite, got " + altitudeKm);
        }
    }

    /** Converts Orekit's geodetic point (radians, metres). */
    public static GeodeticPosition of(GeodeticPoint point) {
        return new GeodeticPosition(Math.toDegrees(point.getLatitude()),
                GeoPoint.normalizeLonDeg(Math.toDegrees(point.getLongitude())),
                point.getAltitude() / 1000.0);
    }

    /** The sub-satellite point (latitude, longitude) on the ellipsoid. */
    public GeoPoint subPoint() {
        return new GeoPoint(latDeg, lonDeg);
    }
}
