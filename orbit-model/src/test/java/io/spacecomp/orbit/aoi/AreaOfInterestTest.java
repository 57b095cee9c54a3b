package io.spacecomp.orbit.aoi;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.GeoPoint;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AreaOfInterestTest {

    private static SatId id(int sat, int orb) {
        return new SatId(sat, orb);
    }

    private static void assertRejects(String field, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field + " "), ex.getMessage());
    }

    @Test
    void validationNamesTheField() {
        assertRejects("latMinDeg", () -> new AreaOfInterest(-91, 0, 0, 1));
        assertRejects("latMinDeg", () -> new AreaOfInterest(Double.NaN, 0, 0, 1));
        assertRejects("latMaxDeg", () -> new AreaOfInterest(0, 90.5, 0, 1));
        assertRejects("latMaxDeg", () -> new AreaOfInterest(0, Double.NaN, 0, 1));
        assertRejects("latMinDeg", () -> new AreaOfInterest(10, 5, 0, 1));   // min above max
        assertRejects("lonMinDeg", () -> new AreaOfInterest(0, 1, -180.5, 1));
        assertRejects("lonMinDeg", () -> new AreaOfInterest(0, 1, Double.NaN, 1));
        assertRejects("lonMaxDeg", () -> new AreaOfInterest(0, 1, 0, 181));
        assertRejects("lonMaxDeg", () -> new AreaOfInterest(0, 1, 0, Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @CsvSource({
            // lat, lon, inside 10..20 x 30..40
            "15, 35, true", "10, 30, true", "20, 40, true", "9.99, 35, false", "20.01, 35, false",
            "15, 29.99, false", "15, 40.01, false", "-15, 35, false", "15, -35, false"})
    void ordinaryBoxIsInclusive(double lat, double lon, boolean inside) {
        AreaOfInterest box = new AreaOfInterest(10, 20, 30, 40);
        assertFalse(box.crossesAntimeridian());
        assertEquals(inside, box.contains(new GeoPoint(lat, lon)));
    }

    @ParameterizedTest
    @CsvSource({"175, true", "-175, true", "180, true", "-180, true", "170, true", "-170, true",
            "179.999, true", "0, false", "160, false", "-160, false", "169.9, false", "-169.9, false", "10, false"})
    void boxAcrossTheAntimeridian(double lon, boolean inside) {
        // 170°..−170° is the 20° strip around 180°, not the 340° one around 0°
        AreaOfInterest box = new AreaOfInterest(-5, 5, 170, -170);
        assertTrue(box.crossesAntimeridian());
        assertEquals(inside, box.contains(new GeoPoint(0, lon)));
        assertFalse(box.contains(new GeoPoint(6, lon)));
    }

    @Test
    void boxesEndingAtPlusOrMinus180ContainBothSpellingsOfTheAntimeridian() {
        AreaOfInterest east = new AreaOfInterest(-5, 5, 170, 180);
        assertTrue(east.contains(new GeoPoint(0, 180)));
        assertTrue(east.contains(new GeoPoint(0, -180)));
        assertFalse(east.contains(new GeoPoint(0, -179)));
        AreaOfInterest west = new AreaOfInterest(-5, 5, -180, -170);
        assertTrue(west.contains(new GeoPoint(0, 180)));
        assertTrue(west.contains(new GeoPoint(0, -180)));
        assertFalse(west.contains(new GeoPoint(0, 179)));
        AreaOfInterest world = new AreaOfInterest(-90, 90, -180, 180);
        for (int lon = -180; lon <= 180; lon += 15) {
            assertTrue(world.contains(new GeoPoint(-90, lon)));
        }
    }

    @Test
    void continentalUs() {
        AreaOfInterest us = AreaOfInterest.CONTINENTAL_US;
        assertTrue(us.contains(new GeoPoint(40.71, -74.01)));    // New York
        assertTrue(us.contains(new GeoPoint(34.05, -118.24)));   // Los Angeles
        assertTrue(us.contains(new GeoPoint(41.85, -87.65)));    // Chicago
        assertFalse(us.contains(new GeoPoint(51.51, -0.13)));    // London
        assertFalse(us.contains(new GeoPoint(21.31, -157.86)));  // Honolulu
        assertFalse(us.contains(new GeoPoint(61.22, -149.90)));  // Anchorage
        assertFalse(us.contains(new GeoPoint(40.71, 74.01)));    // New York's longitude with the wrong sign
    }

    // ------------------------------------------------------------------ satellitesInside

    /**
     * A polar 4×4 shell (i = 90°, F = 0, θ0 = 0). Planes have RAAN 0°, 90°, 180°, 270°; satellites have
     * u = 0°, 90°, 180°, 270° at t = 0. With i = 90° a satellite at u = 0 lies on the equator at longitude
     * RAAN (ascending), one at u = 180° on the equator at RAAN + 180° (descending), u = 90°/270° over the poles.
     * So at t = 0 the equatorial satellites are (1,o) at lon 0, 90, 180, −90 and (3,o) at lon 180, −90, 0, 90.
     */
    private static final CircularOrbitGeometry POLAR_4X4 = new CircularOrbitGeometry(WalkerShell.of(4, 4, 90.0, 530.0));

    @Test
    void satellitesInsideABoxAroundLat0Lon0AtEpoch() {
        AreaOfInterest box = new AreaOfInterest(-10, 10, -10, 10);
        // (1,1): u = 0, RAAN 0 -> (0°, 0°), ascending. (3,3): u = 180°, RAAN 180° -> (0°, 0°), descending.
        assertEquals(List.of(id(1, 1), id(3, 3)), box.satellitesInside(POLAR_4X4, 0.0, Pass.ANY));
        assertEquals(List.of(id(1, 1)), box.satellitesInside(POLAR_4X4, 0.0, Pass.ASCENDING));
        assertEquals(List.of(id(3, 3)), box.satellitesInside(POLAR_4X4, 0.0, Pass.DESCENDING));
    }

    @Test
    void antimeridianBoxAtEpoch() {
        AreaOfInterest box = new AreaOfInterest(-10, 10, 170, -170);
        // (3,1): u = 180°, RAAN 0 -> lon 180, descending. (1,3): u = 0, RAAN 180° -> lon 180, ascending.
        assertEquals(List.of(id(3, 1), id(1, 3)), box.satellitesInside(POLAR_4X4, 0.0, Pass.ANY));
        assertEquals(List.of(id(1, 3)), box.satellitesInside(POLAR_4X4, 0.0, Pass.ASCENDING));
        assertEquals(List.of(id(3, 1)), box.satellitesInside(POLAR_4X4, 0.0, Pass.DESCENDING));
        // the same strip spelled without crossing (−170..170) is the rest of the world: (1,1), (3,3) at lon 0
        // and (1,2), (3,4) at 90°, (1,4), (3,2) at −90°
        AreaOfInterest rest = new AreaOfInterest(-10, 10, -170, 170);
        assertEquals(List.of(id(1, 1), id(1, 2), id(3, 2), id(3, 3), id(1, 4), id(3, 4)),
                rest.satellitesInside(POLAR_4X4, 0.0, Pass.ANY));
    }

    @Test
    void quarterPeriodLaterTheEarthHasTurnedEast() {
        // t = T/4 = 1426.327 s: every u grew by 90°. The equatorial satellites are now (4,o) (u = 360°,
        // ascending, inertial lon = RAAN) and (2,o) (u = 180°, descending, inertial lon = RAAN + 180°).
        // The Earth turned ω⊕·T/4 = 5.9593°, so Earth-fixed longitudes are inertial − 5.9593°:
        // (4,1) and (2,3) at −5.96°; (4,3) and (2,1) at 174.04°.
        double t = POLAR_4X4.periodS() / 4.0;
        assertEquals(-5.9593, POLAR_4X4.subSatellitePoint(id(4, 1), t).lonDeg(), 1e-4);
        assertEquals(List.of(id(4, 1), id(2, 3)),
                new AreaOfInterest(-10, 10, -10, 0).satellitesInside(POLAR_4X4, t, Pass.ANY));
        assertEquals(List.of(), new AreaOfInterest(-10, 10, 0, 10).satellitesInside(POLAR_4X4, t, Pass.ANY));
        assertEquals(List.of(id(4, 1)), new AreaOfInterest(-10, 10, -10, 0).satellitesInside(POLAR_4X4, t, Pass.ASCENDING));
        AreaOfInterest dateLine = new AreaOfInterest(-10, 10, 170, -170);
        assertEquals(List.of(id(2, 1), id(4, 3)), dateLine.satellitesInside(POLAR_4X4, t, Pass.ANY));
        assertEquals(List.of(id(2, 1)), dateLine.satellitesInside(POLAR_4X4, t, Pass.DESCENDING));
        // (1,1) is over the north pole now: a polar cap box finds the four u = 90° satellites (1,o)
        assertEquals(List.of(id(1, 1), id(1, 2), id(1, 3), id(1, 4)),
                new AreaOfInterest(80, 90, -180, 180).satellitesInside(POLAR_4X4, t, Pass.ANY));
    }

    @Test
    void antimeridianBoxOnADenserPolarShell() {
        // 36×36, i = 90°: planes every 10° of RAAN, satellites every 10° of u. Plane 19 has RAAN 180°, so its
        // satellites with u in (−90°, 90°) are on the 180° meridian, ascending: (1,19) at lat 0, (2,19) at
        // +10°, (36,19) at −10°. Plane 1 (RAAN 0) descends along lon 180 with u in (90°, 270°): (18,1) at
        // +10°, (19,1) at 0, (20,1) at −10°. Planes 18 and 20 lie at lon 170 / −170: outside 175..−175.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.of(36, 36, 90.0, 530.0));
        AreaOfInterest box = new AreaOfInterest(-15, 15, 175, -175);
        assertEquals(List.of(id(18, 1), id(19, 1), id(20, 1), id(1, 19), id(2, 19), id(36, 19)),
                box.satellitesInside(g, 0.0, Pass.ANY));
        assertEquals(List.of(id(1, 19), id(2, 19), id(36, 19)), box.satellitesInside(g, 0.0, Pass.ASCENDING));
        assertEquals(List.of(id(18, 1), id(19, 1), id(20, 1)), box.satellitesInside(g, 0.0, Pass.DESCENDING));
    }

    @Test
    void passFilterSplitsTheAreaAndAgreesWithBruteForce() {
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(40, 40), 0.4);
        AreaOfInterest us = AreaOfInterest.CONTINENTAL_US;
        double t = 1800.0;
        List<SatId> any = us.satellitesInside(g, t, Pass.ANY);
        List<SatId> asc = us.satellitesInside(g, t, Pass.ASCENDING);
        List<SatId> desc = us.satellitesInside(g, t, Pass.DESCENDING);
        assertFalse(asc.isEmpty());
        assertFalse(desc.isEmpty());
        assertEquals(any.size(), asc.size() + desc.size());
        Set<SatId> union = new HashSet<>(asc);
        union.addAll(desc);
        assertEquals(new HashSet<>(any), union);
        List<SatId> expected = new ArrayList<>();
        for (SatId s : g.shell().satellites()) {
            GeoPoint p = g.subSatellitePoint(s, t);
            if (p.latDeg() >= 24.5 && p.latDeg() <= 49.4 && p.lonDeg() >= -124.8 && p.lonDeg() <= -66.9) {
                expected.add(s);
                assertEquals(g.isAscending(s, t), asc.contains(s));
            }
        }
        assertEquals(expected, any);
        assertTrue(Pass.ANY.accepts(true) && Pass.ANY.accepts(false));
        assertTrue(Pass.ASCENDING.accepts(true) && !Pass.ASCENDING.accepts(false));
        assertTrue(Pass.DESCENDING.accepts(false) && !Pass.DESCENDING.accepts(true));
    }
}
