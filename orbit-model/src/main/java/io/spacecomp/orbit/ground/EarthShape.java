package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.orekit.OrekitFrames;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;

/**
 * The Earth a ground station stands on: where its Earth-fixed position is and which way is up.
 *
 * <ul>
 *   <li>{@link Sphere}: the analytic Walker model of the paper. The station's latitude is geocentric, its
 *   height is over a sphere of the given radius, and the local vertical is radial. Used by
 *   {@code CircularOrbitGeometry}.</li>
 *   <li>{@link Wgs84}: the real Earth, for Orekit geometries (Keplerian and TLE/SGP4). The station's latitude is
 *   geodetic, its height is over the WGS84 ellipsoid along the normal, and elevation is measured above the
 *   local ellipsoid horizon, exactly as Orekit's {@code TopocentricFrame} does.</li>
 * </ul>
 * On a sphere a geodetic latitude would be misplaced by up to 21 km (0.19° at 45°), so each geometry
 * states its shape ({@code ConstellationGeometry.earthShape()}) and stations follow it.
 */
public sealed interface EarthShape permits EarthShape.Sphere, EarthShape.Wgs84 {

    /** The station's site on this Earth: Earth-fixed position and local zenith. */
    GroundSite site(GroundStation station);

    /** A spherical Earth of radius {@code radiusKm} (latitudes geocentric, vertical radial). */
    record Sphere(double radiusKm) implements EarthShape {

        public Sphere {
            if (!(radiusKm > 0.0) || Double.isInfinite(radiusKm)) {
                throw new IllegalArgumentException("radiusKm must be > 0 and finite, got " + radiusKm);
            }
        }

        @Override
        public GroundSite site(GroundStation station) {
            Vector3D p = station.positionEarthFixedKm(radiusKm);
            return new GroundSite(station, this, p, p.normalize());
        }
    }

    /** The WGS84 ellipsoid fixed to ITRF (latitudes geodetic, vertical = ellipsoid normal). */
    record Wgs84() implements EarthShape {

        /** The one instance (the record has no state). */
        public static final Wgs84 INSTANCE = new Wgs84();

        @Override
        public GroundSite site(GroundStation station) {
            OneAxisEllipsoid wgs84 = Holder.ELLIPSOID;
            GeodeticPoint point = new GeodeticPoint(Math.toRadians(station.latDeg()), Math.toRadians(station.lonDeg()),
                    station.altitudeM());
            return new GroundSite(station, this, wgs84.transform(point).scalarMultiply(1e-3), point.getZenith());
        }

        /** The ellipsoid, built once (Orekit's frames need the leap-second table loaded first). */
        private static final class Holder {
            static final OneAxisEllipsoid ELLIPSOID = OrekitFrames.wgs84();
        }
    }
}
