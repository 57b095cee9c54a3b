package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisibilityTest {

    private static final double RE = 6371.0;
    private static final double R = 6901.0;   // 530 km orbit

    private static SatId id(int sat, int orb) {
        return new SatId(sat, orb);
    }

    /**
     * Elevation of a satellite at orbit radius r seen from the surface (radius rE) at central angle γ:
     * tan(e) = (cos γ − rE/r) / sin γ. With rE/r = 6371/6901 = 0.923199:
     * γ = 0.5° -> 83.5143°, 9.5° -> 20.9183°, 10° -> 19.5341°, 10.5° -> 18.2395°, 30° -> −6.5233°;
     * on the horizon cos γ = rE/r, γ = 22.6016°, slant range sqrt(r² − rE²) = 2652.199 km.
     */
    private static Vector3D satAtCentralAngle(double gammaDeg) {
        double g = Math.toRadians(gammaDeg);
        return new Vector3D(R * Math.cos(g), R * Math.sin(g), 0.0);
    }

    @Test
    void elevationHandChecked() {
        Vector3D station = new Vector3D(RE, 0, 0);
        assertEquals(90.0, Visibility.elevationDeg(station, new Vector3D(R, 0, 0)), 1e-9);
        assertEquals(19.5341, Visibility.elevationDeg(station, satAtCentralAngle(10.0)), 1e-4);
        assertEquals(83.5143, Visibility.elevationDeg(station, satAtCentralAngle(0.5)), 1e-4);
        assertEquals(-6.5233, Visibility.elevationDeg(station, satAtCentralAngle(30.0)), 1e-4);
        double horizon = Math.toDegrees(Math.acos(RE / R));
        assertEquals(22.6016, horizon, 1e-4);
        assertEquals(0.0, Visibility.elevationDeg(station, satAtCentralAngle(horizon)), 1e-9);
        assertEquals(2652.199, station.distance(satAtCentralAngle(horizon)), 1e-3);
        // straight down from above the satellite
        assertEquals(-90.0, Visibility.elevationDeg(new Vector3D(0, 0, 8000), new Vector3D(0, 0, R)), 1e-9);
        // direction matters, not which axis: rotate the whole picture
        Vector3D st = new Vector3D(0, 0, RE);
        Vector3D sat = new Vector3D(R * Math.sin(Math.toRadians(10)), 0, R * Math.cos(Math.toRadians(10)));
        assertEquals(19.5341, Visibility.elevationDeg(st, sat), 1e-4);
    }

    /**
     * 36×36 polar shell (i = 90°, θ0 = 0, t = 0): planes every 10° of RAAN, satellites every 10° of u.
     * Plane 1 (RAAN 0) runs north along the 0° meridian ((s,1) at lat 10°(s−1) for |lat| &lt; 90) and plane
     * 19 (RAAN 180°) runs south along it ((19,19) at lat 0, (18,19) at +10°, (20,19) at −10°). On the
     * equator (1,o) sits at lon 10°(o−1) and (19,o) at lon 10°(o−1) + 180°.
     */
    private static final CircularOrbitGeometry POLAR_36 = new CircularOrbitGeometry(WalkerShell.of(36, 36, 90.0, 530.0));

    @Test
    void satelliteOverheadHasElevation90AndRangeEqualToAltitude() {
        GroundStation gulfOfGuinea = new GroundStation("0N0E", 0, 0, 0, 25);
        List<VisibleSatellite> seen = Visibility.visible(POLAR_36, gulfOfGuinea, 0.0);
        // (1,1) and (19,19) are both straight overhead; the tie goes to node order
        assertEquals(id(1, 1), seen.get(0).sat());
        assertEquals(90.0, seen.get(0).elevationDeg(), 1e-9);
        assertEquals(530.0, seen.get(0).rangeKm(), 1e-9);
        assertEquals(id(19, 19), seen.get(1).sat());
        assertEquals(90.0, seen.get(1).elevationDeg(), 1e-6);
        assertEquals(Optional.of(seen.get(0)), Visibility.lineOfSight(POLAR_36, gulfOfGuinea, 0.0));
    }

    @Test
    void neighboursTenDegreesAwayHaveTheAnalyticElevation() {
        // Ten degrees of central angle from (0°, 0°): on the 0° meridian (2,1), (36,1) [lat ±10°] and
        // (18,19), (20,19) [lat ±10°]; on the equator (1,2), (1,36) [lon ±10°] and (19,20) [RAAN 190° + u 180°
        // = lon 10°], (19,18) [RAAN 170° + 180° = lon −10°]. Each is at 19.5341° elevation, 1271.532 km away.
        // The diagonal ones ((2,2) etc., central angle acos(cos²10°) = 14.106°) are at 10.835°; the next ring
        // (20° away) at 2.76°.
        GroundStation station = new GroundStation("0N0E", 0, 0, 0, 19.0);
        List<VisibleSatellite> seen = Visibility.visible(POLAR_36, station, 0.0);
        assertEquals(10, seen.size(), seen::toString);
        assertEquals(List.of(id(1, 1), id(19, 19)), seen.subList(0, 2).stream().map(VisibleSatellite::sat).toList());
        Set<SatId> ring = seen.subList(2, 10).stream().map(VisibleSatellite::sat).collect(Collectors.toSet());
        assertEquals(Set.of(id(2, 1), id(36, 1), id(18, 19), id(20, 19), id(1, 2), id(1, 36), id(19, 20), id(19, 18)), ring);
        for (VisibleSatellite v : seen.subList(2, 10)) {
            assertEquals(19.5341, v.elevationDeg(), 1e-4);
            assertEquals(1271.532, v.rangeKm(), 1e-3);
        }
        // raising the mask above 19.5341° leaves only the two overhead satellites
        assertEquals(2, Visibility.visible(POLAR_36, new GroundStation("0N0E", 0, 0, 0, 19.6), 0.0).size());
        // lowering it to 10° adds the diagonal ones, the lowest at 10.835°
        List<VisibleSatellite> wider = Visibility.visible(POLAR_36, new GroundStation("0N0E", 0, 0, 0, 10.0), 0.0);
        assertTrue(wider.size() > seen.size());
        assertEquals(10.835, wider.get(wider.size() - 1).elevationDeg(), 1e-3);
    }

    @Test
    void visibleIsSortedByElevationAndRespectsTheMask() {
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(30, 30), 0.25);
        GroundStation paris = new GroundStation("Paris", 48.85, 2.35, 35.0, 15.0);
        Vector3D st = paris.positionEarthFixedKm(g.earthRadiusKm());
        for (double t : new double[] {0.0, 900.0, 4321.0}) {
            List<VisibleSatellite> seen = Visibility.visible(g, paris, t);
            assertFalse(seen.isEmpty());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i - 1).elevationDeg() >= seen.get(i).elevationDeg());
            }
            // brute force: exactly the satellites at or above 15°, with the right numbers
            int count = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (SatId s : g.shell().satellites()) {
                Vector3D p = g.positionEarthFixedKm(s, t);
                double el = Visibility.elevationDeg(st, p);
                best = Math.max(best, el);
                if (el >= 15.0) {
                    count++;
                    VisibleSatellite v = seen.stream().filter(x -> x.sat().equals(s)).findFirst().orElseThrow();
                    assertEquals(el, v.elevationDeg(), 0.0);
                    assertEquals(st.distance(p), v.rangeKm(), 1e-9);
                }
            }
            assertEquals(count, seen.size());
            VisibleSatellite los = Visibility.lineOfSight(g, paris, t).orElseThrow();
            assertEquals(best, los.elevationDeg(), 0.0);
            assertEquals(seen.get(0), los);
        }
    }

    @Test
    void nothingVisibleBeyondTheInclination() {
        // i = 53°: sub-satellite points stay within 53° of the equator; a station at 89° N is at least 36°
        // of central angle away, beyond the 22.6° horizon, so it sees nothing even with a 0° mask.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.of(20, 20, 53.0, 530.0));
        GroundStation arctic = new GroundStation("arctic", 89.0, 0.0, 0.0, 0.0);
        for (double t = 0.0; t < g.periodS(); t += 600.0) {
            assertTrue(Visibility.visible(g, arctic, t).isEmpty());
            assertEquals(Optional.empty(), Visibility.lineOfSight(g, arctic, t));
        }
    }

    @Test
    void stationNearTheAntimeridianSeesSatellitesOnBothSides() {
        // Station at (0°, 179.5°E). On the equator at t = 0: (1,19) and (19,1) at lon 180° (γ = 0.5°,
        // 83.5143°), (1,18) and (19,36) at 170°E (γ = 9.5°, 20.9183°), (1,20) and (19,2) at 170°W
        // (γ = 10.5°, 18.2395°).
        GroundStation fiji = new GroundStation("near 180", 0.0, 179.5, 0.0, 15.0);
        List<VisibleSatellite> seen = Visibility.visible(POLAR_36, fiji, 0.0);
        VisibleSatellite los = Visibility.lineOfSight(POLAR_36, fiji, 0.0).orElseThrow();
        assertTrue(Set.of(id(1, 19), id(19, 1)).contains(los.sat()), los::toString);
        assertEquals(83.5143, los.elevationDeg(), 1e-4);
        assertEquals(20.9183, elevationOf(seen, id(1, 18)), 1e-4);
        assertEquals(20.9183, elevationOf(seen, id(19, 36)), 1e-4);
        assertEquals(18.2395, elevationOf(seen, id(1, 20)), 1e-4);
        assertEquals(18.2395, elevationOf(seen, id(19, 2)), 1e-4);
        long east = seen.stream().filter(v -> POLAR_36.subSatellitePoint(v.sat(), 0.0).lonDeg() > 0.0
                && POLAR_36.subSatellitePoint(v.sat(), 0.0).lonDeg() < 179.9).count();
        long west = seen.stream().filter(v -> POLAR_36.subSatellitePoint(v.sat(), 0.0).lonDeg() < 0.0
                && POLAR_36.subSatellitePoint(v.sat(), 0.0).lonDeg() > -179.9).count();
        assertTrue(east >= 2 && west >= 2, "east " + east + " west " + west + " " + seen);
    }

    private static double elevationOf(List<VisibleSatellite> seen, SatId sat) {
        return seen.stream().filter(v -> v.sat().equals(sat)).findFirst()
                .orElseThrow(() -> new AssertionError(sat + " not visible in " + seen)).elevationDeg();
    }
}
