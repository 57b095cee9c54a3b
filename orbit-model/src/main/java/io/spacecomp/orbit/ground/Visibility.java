package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which satellites a ground station can use. The station stands on the geometry's
 * {@link ConstellationGeometry#earthShape() Earth shape} (the sphere for the analytic model, WGS84 for Orekit
 * geometries); by default its own elevation mask applies, or any {@link GroundLinkModel}. Satellites that are
 * down ({@link ConstellationGeometry#isUp}) are never visible.
 */
public final class Visibility {

    private Visibility() {
    }

    /** Elevation of {@code satEcefKm} seen from {@code stationEcefKm} (degrees) on a sphere: the local vertical is radial. */
    public static double elevationDeg(Vector3D stationEcefKm, Vector3D satEcefKm) {
        Vector3D line = satEcefKm.subtract(stationEcefKm);
        double sinEl = line.dotProduct(stationEcefKm) / (line.getNorm() * stationEcefKm.getNorm());
        return Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, sinEl))));
    }

    /** The station placed on the geometry's Earth. */
    public static GroundSite site(ConstellationGeometry geometry, GroundStation station) {
        return geometry.earthShape().site(station);
    }

    /**
     * The satellites above the station's minimum elevation at {@code tS}, highest first (ties broken by
     * node order so the answer is deterministic).
     */
    public static List<VisibleSatellite> visible(ConstellationGeometry geometry, GroundStation station, double tS) {
        return visible(geometry, station, GroundLinkModel.of(station), tS);
    }

    /** The satellites the link model admits at {@code tS}, highest first, then node order. */
    public static List<VisibleSatellite> visible(ConstellationGeometry geometry, GroundStation station,
                                                 GroundLinkModel link, double tS) {
        return visible(geometry, site(geometry, station), link, tS);
    }

    /** As {@link #visible(ConstellationGeometry, GroundStation, GroundLinkModel, double)} for a placed station. */
    public static List<VisibleSatellite> visible(ConstellationGeometry geometry, GroundSite site, GroundLinkModel link,
                                                 double tS) {
        if (link == null) {
            throw new IllegalArgumentException("link must not be null");
        }
        Torus torus = geometry.torus();
        boolean allUp = geometry.allUp();
        // A quick test in plain arithmetic rejects most satellites; the rest get the exact formulas, so the
        // answer is the same as without it (the margin is far above rounding).
        double sinMask = link instanceof GroundLinkModel.ElevationMask m ? Math.sin(Math.toRadians(m.minElevationDeg())) - 1e-9 : -2.0;
        double maxRange = link instanceof GroundLinkModel.RangeCone c ? c.maxRangeKm() + 1e-9 : Double.POSITIVE_INFINITY;
        double px = site.positionKm().getX();
        double py = site.positionKm().getY();
        double pz = site.positionKm().getZ();
        double zx = site.zenith().getX();
        double zy = site.zenith().getY();
        double zz = site.zenith().getZ();
        List<VisibleSatellite> seen = new ArrayList<>();
        for (int o = 1; o <= torus.planes(); o++) {
            for (int s = 1; s <= torus.satsPerPlane(); s++) {
                SatId id = new SatId(s, o);
                if (!allUp && !geometry.isUp(id)) {
                    continue;
                }
                Vector3D p = geometry.positionEarthFixedKm(id, tS);
                double dx = p.getX() - px;
                double dy = p.getY() - py;
                double dz = p.getZ() - pz;
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (d > maxRange || (dx * zx + dy * zy + dz * zz) < sinMask * d) {
                    continue;
                }
                double el = site.elevationDeg(p);
                double range = site.rangeKm(p);
                if (link.admits(el, range)) {
                    seen.add(new VisibleSatellite(id, el, range));
                }
            }
        }
        seen.sort(Comparator.comparingDouble(VisibleSatellite::elevationDeg).reversed()
                .thenComparing(VisibleSatellite::sat));
        return seen;
    }

    /** The station's line-of-sight satellite: the highest one it sees, if any. */
    public static Optional<VisibleSatellite> lineOfSight(ConstellationGeometry geometry, GroundStation station, double tS) {
        return lineOfSight(geometry, station, GroundLinkModel.of(station), tS);
    }

    /** The highest satellite the link model admits, if any. */
    public static Optional<VisibleSatellite> lineOfSight(ConstellationGeometry geometry, GroundStation station,
                                                         GroundLinkModel link, double tS) {
        List<VisibleSatellite> seen = visible(geometry, station, link, tS);
        return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(0));
    }
}
