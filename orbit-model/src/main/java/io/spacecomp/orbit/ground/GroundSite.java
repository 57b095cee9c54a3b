package io.spacecomp.orbit.ground;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A ground station placed on an {@link EarthShape}: its Earth-fixed position and the unit vector of its
 * local vertical. Elevation is the angle of the line of sight above the plane normal to that vertical.
 *
 * @param station    the station
 * @param shape      the Earth it stands on
 * @param positionKm Earth-fixed position (km)
 * @param zenith     local vertical, a unit vector (radial on a sphere, the ellipsoid normal on WGS84)
 */
public record GroundSite(GroundStation station, EarthShape shape, Vector3D positionKm, Vector3D zenith) {

    public GroundSite {
        if (station == null || shape == null || positionKm == null || zenith == null) {
            throw new IllegalArgumentException("station, shape, positionKm and zenith must not be null");
        }
        if (Math.abs(zenith.getNorm() - 1.0) > 1e-9) {
            throw new IllegalArgumentException("zenith must be a unit vector, got norm " + zenith.getNorm());
        }
    }

    /** Elevation of an Earth-fixed point above the local horizon (degrees, −90..90). */
    public double elevationDeg(Vector3D satEarthFixedKm) {
        if (shape instanceof EarthShape.Sphere) {
            return Visibility.elevationDeg(positionKm, satEarthFixedKm); // the paper model's formula, bit for bit
        }
        Vector3D line = satEarthFixedKm.subtract(positionKm);
        double sinEl = line.dotProduct(zenith) / line.getNorm();
        return Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, sinEl))));
    }

    /** Slant range to an Earth-fixed point (km). */
    public double rangeKm(Vector3D satEarthFixedKm) {
        return Vector3D.distance(positionKm, satEarthFixedKm);
    }
}
