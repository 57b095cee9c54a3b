package io.spacecomp.orbit.geometry;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircularOrbitGeometryTest {

    private static final double OMEGA_E = CircularOrbitGeometry.EARTH_ROTATION_RAD_PER_S;
    /** Period at 530 km over rE = 6371 km (see WalkerShellTest): 5705.307 s. */
    private static final double T530 = 5705.307039805436;

    private static SatId id(int sat, int orb) {
        return new SatId(sat, orb);
    }

    // ---------------------------------------------------------------- SPEC §2 reference values

    @Test
    void intraPlaneLinkFor100PerPlaneMatchesHandComputation() {
        // Dm = r·sqrt(2(1 − cos(2π/M))) = 2r·sin(π/M); r = 6901 km, M = 100:
        // sin(π/100) = sin(1.8°) = 0.0314107591; Dm = 2 · 6901 · 0.0314107591 = 433.531 km.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(100, 100));
        assertEquals(433.531, g.intraPlaneLinkKm(), 0.001);
        assertEquals(433.531, g.linkLengthKm(id(1, 1), id(2, 1), 1234.0), 0.001);
        assertEquals(433.531, g.linkLengthKm(id(100, 7), id(1, 7), 0.0), 0.001);   // wrap
    }

    @Test
    void interPlaneLinkFor100x100At87DegreesMatchesSpec() {
        // Dn(u) = r·2sin(π/N)·sqrt(cos²u + cos²i·sin²u) with r·2sin(π/100) = 433.531 km, cos 87° = 0.0523360:
        //   u = 0°:  433.531 · 1                                  = 433.531 km
        //   u = 45°: 433.531 · sqrt(0.5 + 0.5 · 0.00273905) = 433.531 · 0.708075 = 306.972 km
        //   u = 90°: 433.531 · 0.0523360                          = 22.689 km
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(100, 100));
        assertEquals(433.5, g.interPlaneLinkKm(0.0), 0.05);
        assertEquals(307.0, g.interPlaneLinkKm(Math.toRadians(45.0)), 0.05);
        assertEquals(22.7, g.interPlaneLinkKm(Math.toRadians(90.0)), 0.05);
        assertEquals(433.531, g.interPlaneLinkKm(0.0), 0.001);
        assertEquals(306.972, g.interPlaneLinkKm(Math.toRadians(45.0)), 0.001);
        assertEquals(22.689, g.interPlaneLinkKm(Math.toRadians(90.0)), 0.001);
        // symmetric about the pole and periodic
        assertEquals(g.interPlaneLinkKm(Math.toRadians(60.0)), g.interPlaneLinkKm(Math.toRadians(120.0)), 1e-9);
        assertEquals(g.interPlaneLinkKm(Math.toRadians(60.0)), g.interPlaneLinkKm(Math.toRadians(240.0)), 1e-9);
    }

    @Test
    void interPlaneLinkOfNeighboursAtTheirArgumentOfLatitude() {
        // F = 0, M = 100: satellite (26, o) is at u = 2π·25/100 = 90° at t = 0, so its cross-plane link is
        // the polar minimum 22.689 km; (1, o) at u = 0 has the equatorial 433.531 km.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(100, 100));
        assertEquals(22.689, g.linkLengthKm(id(26, 1), id(26, 2), 0.0), 0.001);
        assertEquals(433.531, g.linkLengthKm(id(1, 100), id(1, 1), 0.0), 0.001);    // wrap N -> 1
        // a quarter period later (1, o) has reached u = 90°
        assertEquals(22.689, g.linkLengthKm(id(1, 50), id(1, 51), T530 / 4.0), 0.001);
    }

    /** Every +Grid link of the shell at several times: the closed form equals the positions' distance. */
    private static void assertNeighbourLinksMatchPositions(WalkerShell shell) {
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell, 0.3);
        Torus torus = g.torus();
        double[] times = {0.0, 777.7, 0.37 * shell.periodS(), 3.0 * shell.periodS() + 11.0};
        for (double t : times) {
            for (SatId a : shell.satellites()) {
                for (Direction d : Direction.values()) {
                    SatId b = torus.neighbour(a, d);
                    double expected = Vector3D.distance(g.positionInertialKm(a, t), g.positionInertialKm(b, t));
                    double got = g.linkLengthKm(a, b, t);
                    assertEquals(expected, got, 1e-9 * expected, () -> a + "->" + b + " at " + t);
                    // the Earth-fixed frame is a rotation: distances are the same there
                    double ecef = Vector3D.distance(g.positionEarthFixedKm(a, t), g.positionEarthFixedKm(b, t));
                    assertEquals(expected, ecef, 1e-9 * expected);
                }
            }
        }
    }

    @Test
    void closedFormLinkLengthsEqualPositionDistancesWithoutPhasing() {
        assertNeighbourLinksMatchPositions(WalkerShell.paperDefault(12, 9));
        assertNeighbourLinksMatchPositions(WalkerShell.of(7, 5, 53.0, 550.0));
        assertNeighbourLinksMatchPositions(WalkerShell.of(3, 3, 120.0, 1200.0));   // retrograde, smallest torus
    }

    @Test
    void linkLengthsWithPhasingUsePositions() {
        WalkerShell phased = new WalkerShell(12, 9, 5, 87.0, 530.0, 6371.0);
        assertNeighbourLinksMatchPositions(phased);
        assertNeighbourLinksMatchPositions(new WalkerShell(7, 5, 3, 53.0, 550.0, 6371.0));

        // With F ≠ 0 the same-index satellites of adjacent planes are out of phase by 2πF/(N·M), so the
        // F = 0 closed form Dn(u) is wrong there; linkLengthKm must not use it.
        CircularOrbitGeometry g = new CircularOrbitGeometry(phased);
        SatId a = id(3, 4);
        SatId b = id(3, 5);
        double closedForm = g.interPlaneLinkKm(g.argumentOfLatitudeRad(a, 0.0));
        double actual = Vector3D.distance(g.positionInertialKm(a, 0.0), g.positionInertialKm(b, 0.0));
        assertTrue(Math.abs(actual - closedForm) > 1.0, "phasing must matter: " + actual + " vs " + closedForm);
        assertEquals(actual, g.linkLengthKm(a, b, 0.0), 1e-9 * actual);
        // in-plane spacing is unchanged by phasing
        assertEquals(g.intraPlaneLinkKm(), g.linkLengthKm(id(9, 2), id(1, 2), 100.0), 1e-9);
    }

    @Test
    void nonNeighbourDistanceUsesPositions() {
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(10, 10));
        // (1,1) and (6,1) are opposite in the same plane: the distance is the orbit's diameter 2·6901 km.
        assertEquals(13_802.0, g.linkLengthKm(id(1, 1), id(6, 1), 500.0), 1e-6);
        assertEquals(0.0, g.linkLengthKm(id(4, 4), id(4, 4), 500.0), 0.0);
    }

    @Test
    void constructorRejectsMissingShellAndNonFiniteGreenwichAngle() {
        WalkerShell s = WalkerShell.paperDefault(5, 5);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CircularOrbitGeometry(s, bad));
            assertTrue(e.getMessage().startsWith("greenwichAngleAtEpochRad "), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CircularOrbitGeometry(null));
        assertTrue(e.getMessage().startsWith("shell "), e.getMessage());
        assertEquals(-3.0, new CircularOrbitGeometry(s, -3.0).greenwichAngleAtEpochRad(), 0.0);
    }

    // ---------------------------------------------------------------- positions and phase convention

    @Test
    void phaseConventionAtEpoch() {
        WalkerShell s = new WalkerShell(4, 6, 2, 60.0, 530.0, 6371.0);
        CircularOrbitGeometry g = new CircularOrbitGeometry(s);
        // u0 = 2π(s−1)/M + 2πF(o−1)/(N·M): (3,2) -> 2π·2/6 + 2π·2·1/24 = 120° + 30° = 150°
        assertEquals(Math.toRadians(150.0), g.argumentOfLatitudeRad(id(3, 2), 0.0), 1e-12);
        // after one period the argument of latitude grew by exactly 2π
        assertEquals(Math.toRadians(150.0) + 2.0 * Math.PI, g.argumentOfLatitudeRad(id(3, 2), s.periodS()), 1e-12);
        // RAAN of plane o is 2π(o−1)/N: plane 3 of 4 -> 180°
        assertEquals(Math.PI, g.raanRad(3), 1e-15);
        for (SatId sat : s.satellites()) {
            assertEquals(6901.0, g.positionInertialKm(sat, 321.0).getNorm(), 1e-9);
            assertEquals(6901.0, g.positionEarthFixedKm(sat, 321.0).getNorm(), 1e-9);
        }
    }

    @Test
    void positionsAreHandCheckedOnAPolarShell() {
        // i = 90°, RAAN of plane 2 of 4 = 90°: the plane is the Y-Z plane. (1,2) at u = 0 is on +Y,
        // (2,2) at u = 90° (M = 4) is over the north pole.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.of(4, 4, 90.0, 530.0));
        Vector3D p12 = g.positionInertialKm(id(1, 2), 0.0);
        assertEquals(0.0, p12.getX(), 1e-9);
        assertEquals(6901.0, p12.getY(), 1e-9);
        assertEquals(0.0, p12.getZ(), 1e-9);
        Vector3D p22 = g.positionInertialKm(id(2, 2), 0.0);
        assertEquals(0.0, p22.getX(), 1e-9);
        assertEquals(0.0, p22.getY(), 1e-9);
        assertEquals(6901.0, p22.getZ(), 1e-9);
    }

    // ---------------------------------------------------------------- sub-satellite point

    @Test
    void subSatellitePointAtEpochWithGreenwichOnX() {
        // (1,1) has u = 0 and RAAN 0 at t = 0: it sits on the inertial X axis, which is Greenwich.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(10, 10));
        GeoPoint p = g.subSatellitePoint(id(1, 1), 0.0);
        assertEquals(0.0, p.latDeg(), 1e-12);
        assertEquals(0.0, p.lonDeg(), 1e-12);
        // (1,4): RAAN = 2π·3/10 = 108°, u = 0: on the equator at longitude 108°
        GeoPoint q = g.subSatellitePoint(id(1, 4), 0.0);
        assertEquals(0.0, q.latDeg(), 1e-12);
        assertEquals(108.0, q.lonDeg(), 1e-9);
        // (1,9): RAAN 288° -> longitude −72°
        assertEquals(-72.0, g.subSatellitePoint(id(1, 9), 0.0).lonDeg(), 1e-9);
    }

    @Test
    void greenwichAngleAtEpochShiftsLongitudeWest() {
        // θ0 = 90°: Greenwich lies on inertial +Y, so (1,1) on inertial +X is at longitude −90°.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(10, 10), Math.PI / 2.0);
        assertEquals(-90.0, g.subSatellitePoint(id(1, 1), 0.0).lonDeg(), 1e-9);
        assertEquals(Math.PI / 2.0, g.greenwichAngleAtEpochRad(), 0.0);
    }

    @Test
    void quarterPeriodOnAPolarShellReachesTheNorthPole() {
        // i = 90°: at t = T/4, u = 90° and sin(lat) = sin(90°)·sin(90°) = 1.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.of(10, 10, 90.0, 530.0));
        assertEquals(90.0, g.latitudeDeg(id(1, 1), g.periodS() / 4.0), 1e-9);
        assertEquals(90.0, g.subSatellitePoint(id(1, 1), g.periodS() / 4.0).latDeg(), 1e-6);
        // half a period: back on the equator at the opposite node, now descending
        assertEquals(0.0, g.latitudeDeg(id(1, 1), g.periodS() / 2.0), 1e-9);
        assertFalse(g.isAscending(id(1, 1), g.periodS() / 2.0));
    }

    @Test
    void quarterPeriodAt87DegreesHandChecked() {
        // i = 87°, (1,1) at t = T/4 = 1426.327 s: u = 90°, so lat = asin(sin 87° · 1) = 87°.
        // Inertial position r·(0, cos 87°, sin 87°) has inertial longitude 90°; the Earth turned
        // ω⊕·T/4 = 7.2921151e-5 · 1426.327 = 0.1040094 rad = 5.9593° meanwhile, so lon = 84.0407°.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(10, 10));
        GeoPoint p = g.subSatellitePoint(id(1, 1), T530 / 4.0);
        assertEquals(87.0, p.latDeg(), 1e-9);
        assertEquals(84.0407, p.lonDeg(), 1e-4);
    }

    @Test
    void earthRotationMovesLongitudeWestByOmegaT() {
        // i = 0: the satellite moves east at n = 2π/T and the Earth at ω⊕, so lon(t) = (n − ω⊕)·t.
        // At t = 600 s: n = 1.10128785e-3 rad/s, (n − ω⊕)·600 = 0.617030 rad = 35.3526°.
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.of(4, 4, 0.0, 530.0));
        assertEquals(35.3526, g.subSatellitePoint(id(1, 1), 600.0).lonDeg(), 1e-4);
        // In general: Earth-fixed longitude = inertial longitude − θ0 − ω⊕·t, for every satellite and time.
        CircularOrbitGeometry h = new CircularOrbitGeometry(WalkerShell.paperDefault(6, 8), 1.1);
        for (double t : new double[] {0.0, 60.0, 3600.0, 86_400.0}) {
            for (SatId sat : h.shell().satellites()) {
                Vector3D in = h.positionInertialKm(sat, t);
                double inertialLon = Math.toDegrees(Math.atan2(in.getY(), in.getX()));
                double expected = GeoPoint.normalizeLonDeg(inertialLon - Math.toDegrees(1.1 + OMEGA_E * t));
                double got = h.subSatellitePoint(sat, t).lonDeg();
                double diff = GeoPoint.normalizeLonDeg(got - expected);
                assertEquals(0.0, diff, 1e-9, sat + " at " + t);
                assertEquals(in.getZ(), h.positionEarthFixedKm(sat, t).getZ(), 1e-9);
            }
        }
        // one sidereal rotation later the Earth-fixed frame is back where it started
        double sidereal = 2.0 * Math.PI / OMEGA_E;
        assertEquals(86_164.09, sidereal, 0.01);
    }

    @Test
    void closedFormLatitudeEqualsPositions() {
        for (WalkerShell s : new WalkerShell[] {WalkerShell.paperDefault(8, 9), new WalkerShell(5, 7, 3, 53.0, 550.0, 6371.0),
                WalkerShell.of(3, 4, 140.0, 800.0)}) {
            CircularOrbitGeometry g = new CircularOrbitGeometry(s, 0.7);
            for (double t = 0.0; t < 2.0 * s.periodS(); t += 517.0) {
                for (SatId sat : s.satellites()) {
                    Vector3D p = g.positionInertialKm(sat, t);
                    double fromPosition = Math.toDegrees(Math.asin(p.getZ() / p.getNorm()));
                    assertEquals(fromPosition, g.latitudeDeg(sat, t), 1e-9);
                    assertEquals(fromPosition, g.subSatellitePoint(sat, t).latDeg(), 1e-9);
                    assertTrue(Math.abs(g.latitudeDeg(sat, t)) <= Math.min(s.inclinationDeg(), 180.0 - s.inclinationDeg()) + 1e-9);
                }
            }
        }
    }

    @Test
    void ascendingIffCosUPositiveAndMovingNorth() {
        WalkerShell s = new WalkerShell(6, 8, 1, 87.0, 530.0, 6371.0);
        CircularOrbitGeometry g = new CircularOrbitGeometry(s);
        // at t = 0 with F = 1, N·M = 48: (1,1) u = 0 (ascending); (5,1) u = 180° (descending);
        // (3,1) u = 90° and (7,1) u = 270° are at the turning points; (3,2) u = 90° + 7.5° -> descending
        assertTrue(g.isAscending(id(1, 1), 0.0));
        assertFalse(g.isAscending(id(5, 1), 0.0));
        assertFalse(g.isAscending(id(3, 2), 0.0));
        assertTrue(g.isAscending(id(7, 2), 0.0));   // u = 270° + 7.5°
        int ascending = 0;
        for (double t : new double[] {0.0, 100.0, 1234.5, 4000.0}) {
            for (SatId sat : s.satellites()) {
                double u = g.argumentOfLatitudeRad(sat, t);
                assertEquals(Math.cos(u) > 0.0, g.isAscending(sat, t));
                if (Math.abs(Math.cos(u)) > 1e-3) {
                    // numerically: the satellite's z grows iff it is ascending
                    double dz = g.positionInertialKm(sat, t + 0.5).getZ() - g.positionInertialKm(sat, t - 0.5).getZ();
                    assertEquals(dz > 0.0, g.isAscending(sat, t), sat + " at " + t);
                }
                if (g.isAscending(sat, t)) {
                    ascending++;
                }
            }
        }
        // u is spread evenly: about half ascending at any time
        assertTrue(ascending > 4 * 48 * 0.4 && ascending < 4 * 48 * 0.6, "ascending " + ascending);
    }
}
