package io.spacecomp.orbit.geometry;

import io.spacecomp.orbit.ground.EarthShape;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Where the satellites of a +Grid constellation are at time {@code tS} (seconds since the
 * constellation's epoch). Implemented analytically ({@link CircularOrbitGeometry}, the fast path) and by
 * Orekit propagation (Keplerian or SGP4, the ground truth). Routers and placement see only this.
 */
public interface ConstellationGeometry {

    /** The torus the satellites are linked in. */
    Torus torus();

    /**
     * Radius of the spherical Earth of the analytic model (km). Ground stations follow
     * {@link #earthShape()}, which is this sphere unless a geometry says otherwise.
     */
    double earthRadiusKm();

    /**
     * The Earth ground stations stand on: the sphere of {@link #earthRadiusKm()} by default (the analytic
     * Walker model of the paper); WGS84 for the Orekit geometries, whose satellites are over the real Earth.
     */
    default EarthShape earthShape() {
        return new EarthShape.Sphere(earthRadiusKm());
    }

    /**
     * Whether the satellite is in service. Every satellite of a full Walker shell is; a shell inferred
     * from a TLE catalogue keeps its empty slots as satellites that are down (no ISL, no ground link).
     */
    default boolean isUp(SatId id) {
        return true;
    }

    /** Whether every satellite is up (no {@link #isUp} call can answer false): lets hot loops skip the check. */
    default boolean allUp() {
        return true;
    }

    /** Position in an inertial frame whose Z axis is the Earth's rotation axis (km). */
    Vector3D positionInertialKm(SatId id, double tS);

    /** Position in the Earth-fixed frame (km). */
    Vector3D positionEarthFixedKm(SatId id, double tS);

    /** Whether the satellite moves north at {@code tS}. */
    boolean isAscending(SatId id, double tS);

    /** Geocentric sub-satellite point at {@code tS}. */
    default GeoPoint subSatellitePoint(SatId id, double tS) {
        return GeoPoint.ofEcef(positionEarthFixedKm(id, tS));
    }

    /** Geocentric latitude of the satellite at {@code tS} (degrees). */
    default double latitudeDeg(SatId id, double tS) {
        Vector3D p = positionInertialKm(id, tS);
        return Math.toDegrees(Math.asin(p.getZ() / p.getNorm()));
    }

    /** Straight-line distance between two satellites at {@code tS} (km). */
    default double linkLengthKm(SatId a, SatId b, double tS) {
        return Vector3D.distance(positionInertialKm(a, tS), positionInertialKm(b, tS));
    }
}
