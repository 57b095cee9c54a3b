package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which satellites a ground station sees, over a spherical Earth. */
public final class Visibility {

    private Visibility() {
    }

    /** Elevation of {@code satEcefKm} seen from {@code stationEcefKm} (degrees); the local vertical is radial. */
    public static double elevationDeg(Vector3D stationEcefKm, Vector3D satEcefKm) {
        Vector3D line = satEcefKm.subtract(stationEcefKm);
        double sinEl = line.dotProduct(stationEcefKm) / (line.getNorm() * stationEcefKm.getNorm());
        return Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, sinEl))));
    }

    /**
     * The satellites above the station's minimum elevation at {@code tS}, highest first (ties broken by
     * node order so the answer is deterministic).
     */
    public static List<VisibleSatellite> visible(ConstellationGeometry geometry, GroundStation station, double tS) {
        Vector3D st = station.positionEarthFixedKm(geometry.earthRadiusKm());
        Torus torus = geometry.torus();
        List<VisibleSatellite> seen = new ArrayList<>();
        for (int o = 1; o <= torus.planes(); o++) {
            for (int s = 1; s <= torus.satsPerPlane(); s++) {
                SatId id = new SatId(s, o);
                Vector3D p = geometry.positionEarthFixedKm(id, tS);
                double el = elevationDeg(st, p);
                if (el >= station.minElevationDeg()) {
                    seen.add(new VisibleSatellite(id, el, Vector3D.distance(st, p)));
                }
            }
        }
        seen.sort(Comparator.comparingDouble(VisibleSatellite::elevationDeg).reversed()
                .thenComparing(VisibleSatellite::sat));
        return seen;
    }

    /** The station's line-of-sight satellite: the highest one it sees, if any. */
    public static Optional<VisibleSatellite> lineOfSight(ConstellationGeometry geometry, GroundStation station, double tS) {
        List<VisibleSatellite> seen = visible(geometry, station, tS);
        return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(0));
    }
}
