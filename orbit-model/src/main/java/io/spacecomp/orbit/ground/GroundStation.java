package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.geometry.GeoPoint;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A ground station: where it is and how low it can look. Where the coordinates put it depends on the
 * geometry's {@link EarthShape}: on WGS84 (Orekit and TLE geometries) the latitude is geodetic and the height
 * is over the ellipsoid, as on any map or GPS receiver; on the analytic model's sphere the latitude is
 * taken as geocentric and the height as over the sphere ({@link #positionEarthFixedKm(double)}).
 *
 * @param name               display name
 * @param latDeg             latitude (degrees): geodetic on WGS84, geocentric on the analytic sphere
 * @param lonDeg             longitude (degrees)
 * @param altitudeM          height above the ellipsoid (WGS84) or the sphere (m)
 * @param minElevationDeg    lowest elevation at which it can talk to a satellite (degrees, 0..90)
 */
public record GroundStation(String name, double latDeg, double lonDeg, double altitudeM, double minElevationDeg) {

    /** A common minimum elevation for LEO user terminals (degrees). */
    public static final double DEFAULT_MIN_ELEVATION_DEG = 25.0;

    public GroundStation {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        new GeoPoint(latDeg, lonDeg); // validates both, naming the bad one
        if (!Double.isFinite(altitudeM) || altitudeM < -500.0 || altitudeM > 100_000.0) {
            throw new IllegalArgumentException("altitudeM must be in [-500, 100000], got " + altitudeM);
        }
        if (!(minElevationDeg >= 0.0 && minElevationDeg <= 90.0)) {
            throw new IllegalArgumentException("minElevationDeg must be in [0, 90], got " + minElevationDeg);
        }
    }

    public static GroundStation at(String name, GeoPoint point, double minElevationDeg) {
        return new GroundStation(name, point.latDeg(), point.lonDeg(), 0.0, minElevationDeg);
    }

    /** This station placed on {@code shape}: Earth-fixed position and local vertical. */
    public GroundSite site(EarthShape shape) {
        return shape.site(this);
    }

    public GeoPoint location() {
        return new GeoPoint(latDeg, lonDeg);
    }

    /** Earth-fixed position on a spherical Earth of {@code earthRadiusKm}, latitude taken as geocentric (km). */
    public Vector3D positionEarthFixedKm(double earthRadiusKm) {
        double r = earthRadiusKm + altitudeM / 1000.0;
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        return new Vector3D(r * Math.cos(lat) * Math.cos(lon), r * Math.cos(lat) * Math.sin(lon), r * Math.sin(lat));
    }
}
