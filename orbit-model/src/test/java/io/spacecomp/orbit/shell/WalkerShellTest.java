package io.spacecomp.orbit.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalkerShellTest {

    private static final double RE = WalkerShell.DEFAULT_EARTH_RADIUS_KM;

    /** Asserts an IllegalArgumentException whose message starts with the parameter's name. */
    static void assertRejects(String parameter, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().startsWith(parameter + " "),
                () -> "message should name '" + parameter + "' first: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 1, 0, -5})
    void fewerThanThreePlanesIsRejected(int planes) {
        assertRejects("planes", () -> new WalkerShell(planes, 10, 0, 87.0, 530.0, RE));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 1, 0, -5})
    void fewerThanThreeSatellitesPerPlaneIsRejected(int sats) {
        assertRejects("satsPerPlane", () -> new WalkerShell(10, sats, 0, 87.0, 530.0, RE));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 7, 8, 100})
    void phasingOutsideZeroToNMinusOneIsRejected(int phasing) {
        // N = 7: F must be in [0, 6]
        assertRejects("phasing", () -> new WalkerShell(7, 5, phasing, 87.0, 530.0, RE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.001, 180.001, -90.0, 360.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void inclinationOutsideZeroTo180IsRejected(double inclination) {
        assertRejects("inclinationDeg", () -> new WalkerShell(5, 5, 0, inclination, 530.0, RE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonPositiveOrNonFiniteAltitudeIsRejected(double altitude) {
        assertRejects("altitudeKm", () -> new WalkerShell(5, 5, 0, 87.0, altitude, RE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -6371.0, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveOrNonFiniteEarthRadiusIsRejected(double radius) {
        assertRejects("earthRadiusKm", () -> new WalkerShell(5, 5, 0, 87.0, 530.0, radius));
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertDoesNotThrow(() -> new WalkerShell(3, 3, 0, 0.0, 1e-3, RE));
        assertDoesNotThrow(() -> new WalkerShell(3, 3, 2, 180.0, 530.0, 1.0));
        WalkerShell s = new WalkerShell(7, 5, 6, 53.0, 550.0, 6378.137);
        assertEquals(6, s.phasing());
        assertEquals(6378.137 + 550.0, s.orbitRadiusKm(), 1e-12);
    }

    @Test
    void factoriesUsePaperDefaults() {
        WalkerShell s = WalkerShell.paperDefault(100, 100);
        assertEquals(new WalkerShell(100, 100, 0, 87.0, 530.0, 6371.0), s);
        assertEquals(10_000, s.size());
        assertEquals(6901.0, s.orbitRadiusKm(), 0.0);
        assertEquals(Math.PI * 87.0 / 180.0, s.inclinationRad(), 1e-15);
        assertEquals(new Torus(100, 100), s.torus());
    }

    @Test
    void periodAt530KmMatchesHandComputation() {
        // r = 6371 + 530 = 6901 km = 6.901e6 m; r³ = 3.28651850701e20 m³;
        // r³/μ = 3.28651850701e20 / 3.986004418e14 = 824514.517 s²; sqrt = 908.02782 s;
        // T = 2π · 908.02782 = 5705.307 s = 95.0885 min (SPEC: ≈ 95.1 min).
        WalkerShell s = WalkerShell.paperDefault(10, 10);
        assertEquals(5705.307, s.periodS(), 0.001);
        assertEquals(95.0885, s.periodS() / 60.0, 1e-4);
    }

    @Test
    void periodFollowsKeplersThirdLaw() {
        // doubling r multiplies T by 2^1.5
        WalkerShell low = new WalkerShell(3, 3, 0, 0.0, 1000.0, 1000.0);   // r = 2000 km
        WalkerShell high = new WalkerShell(3, 3, 0, 0.0, 3000.0, 1000.0);  // r = 4000 km
        assertEquals(Math.pow(2.0, 1.5), high.periodS() / low.periodS(), 1e-12);
    }

    @Test
    void satValidatesAgainstTheShellNamingTheField() {
        WalkerShell s = WalkerShell.paperDefault(5, 4);
        assertEquals(new SatId(4, 5), s.sat(4, 5));
        assertRejects("sat", () -> s.sat(5, 1));
        assertRejects("orb", () -> s.sat(1, 6));
        assertRejects("sat", () -> s.sat(0, 1));
        assertRejects("orb", () -> s.sat(1, 0));
        assertTrue(s.contains(new SatId(4, 5)));
        assertFalse(s.contains(new SatId(5, 5)));
        assertFalse(s.contains(new SatId(4, 6)));
        assertRejects("orb", () -> s.node(new SatId(1, 6)));
    }

    @Test
    void satellitesAreListedInNodeOrder() {
        WalkerShell s = WalkerShell.paperDefault(5, 4);
        List<SatId> all = s.satellites();
        assertEquals(20, all.size());
        assertEquals(new SatId(1, 1), all.get(0));
        assertEquals(new SatId(4, 1), all.get(3));
        assertEquals(new SatId(1, 2), all.get(4));
        assertEquals(new SatId(4, 5), all.get(19));
        Set<Integer> nodes = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, s.node(all.get(i)));
            nodes.add(s.node(all.get(i)));
        }
        assertEquals(20, nodes.size());
    }
}
