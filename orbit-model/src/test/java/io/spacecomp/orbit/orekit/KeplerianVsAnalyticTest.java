package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.GeoPoint;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytic circular-orbit model against Orekit's Keplerian propagation of the same Walker shell, at
 * seeded random instants over a day.
 *
 * <p>Tolerances. Both describe the same two-body motion in the same frames (CIRF; ITRF = CIRF rotated by
 * the Earth rotation angle, exactly linear in time with no EOP data), so they differ only by rounding:
 * measured, positions agree to ≈ 2e-12 km inertial and 3e-8 km Earth-fixed, link lengths to ≤ 2e-13
 * relative, geocentric latitude to ≤ 3e-13° and longitude to ≤ 3e-10°. The assertions keep the SPEC's
 * 0.1 % for links and, to catch any convention drift (phase, RAAN, θ₀ sign), much tighter bounds: 1e-9
 * relative for links, 1e-7° for geocentric latitude and longitude (1e-7° ≈ 1 cm on the ground).
 * Geodetic latitude on WGS84 differs from the spherical (geocentric) one by the ellipsoid's flattening:
 * φ_gd − φ_gc ≈ e²·sin 2φ / 2 ≤ 0.192° at the surface, ≈ 0.178° at 530 km; hence 0.2°.
 */
class KeplerianVsAnalyticTest {

    private static final AbsoluteDate EPOCH = OrekitData.date("2025-01-01T00:00:00Z");
    private static final double DAY_S = 86_400.0;

    private record Errors(double linkRel, double geocentricLatDeg, double lonDeg, double geodeticLatDeg,
                          int ascendingChecked, int ascendingMismatches, double maxGeodeticMinusGeocentricDeg) {
    }

    private static Errors compare(WalkerShell shell, long seed, int instants, int satsPerInstant) {
        KeplerianConstellation orekit = new KeplerianConstellation(shell, EPOCH);
        CircularOrbitGeometry analytic = new CircularOrbitGeometry(shell, orekit.greenwichAngleAtEpochRad());
        Random random = new Random(seed);
        double linkRel = 0;
        double lat = 0;
        double lon = 0;
        double geodetic = 0;
        double signedGeodetic = 0;
        int checked = 0;
        int mismatches = 0;
        for (int k = 0; k < instants; k++) {
            double t = random.nextDouble() * DAY_S;
            for (int j = 0; j < satsPerInstant; j++) {
                SatId id = new SatId(1 + random.nextInt(shell.satsPerPlane()), 1 + random.nextInt(shell.planes()));
                SatId other = new SatId(1 + random.nextInt(shell.satsPerPlane()), 1 + random.nextInt(shell.planes()));
                for (SatId b : List.of(shell.torus().neighbour(id, Direction.AHEAD),
                        shell.torus().neighbour(id, Direction.EAST), other)) {
                    if (b.equals(id)) {
                        continue;
                    }
                    double expected = analytic.linkLengthKm(id, b, t);
                    linkRel = Math.max(linkRel, Math.abs(orekit.linkLengthKm(id, b, t) - expected) / expected);
                }
                GeoPoint fromItrf = GeoPoint.ofEcef(orekit.positionEarthFixedKm(id, t));
                GeoPoint expected = analytic.subSatellitePoint(id, t);
                lat = Math.max(lat, Math.abs(fromItrf.latDeg() - analytic.latitudeDeg(id, t)));
                lon = Math.max(lon, Math.abs(GeoPoint.normalizeLonDeg(fromItrf.lonDeg() - expected.lonDeg())));
                GeodeticPosition gd = orekit.geodeticPosition(id, t);
                geodetic = Math.max(geodetic, Math.abs(gd.latDeg() - expected.latDeg()));
                signedGeodetic = Math.max(signedGeodetic, Math.abs(gd.latDeg()) - Math.abs(expected.latDeg()));
                lon = Math.max(lon, Math.abs(GeoPoint.normalizeLonDeg(gd.lonDeg() - expected.lonDeg())));
                assertEquals(shell.altitudeKm(), gd.altitudeKm(), 25.0, "altitude over WGS84 within the flattening");
                if (Math.abs(Math.cos(analytic.argumentOfLatitudeRad(id, t))) > 1e-6) {
                    checked++;
                    if (orekit.isAscending(id, t) != analytic.isAscending(id, t)) {
                        mismatches++;
                    }
                }
            }
        }
        return new Errors(linkRel, lat, lon, geodetic, checked, mismatches, signedGeodetic);
    }

    private static void assertAgreement(Errors e) {
        assertTrue(e.linkRel() < 1e-3, "link lengths within 0.1 %: " + e.linkRel());
        assertTrue(e.linkRel() < 1e-9, "link lengths agree to rounding: " + e.linkRel());
        assertTrue(e.geocentricLatDeg() < 1e-7, "geocentric latitude (deg): " + e.geocentricLatDeg());
        assertTrue(e.lonDeg() < 1e-7, "longitude, geocentric and geodetic (deg): " + e.lonDeg());
        assertTrue(e.geodeticLatDeg() < 0.2, "geodetic vs spherical latitude (deg): " + e.geodeticLatDeg());
        // The flattening really shows: geodetic latitudes are larger in magnitude, by up to ≈ 0.18°.
        assertTrue(e.maxGeodeticMinusGeocentricDeg() > 0.15, "flattening visible: " + e.maxGeodeticMinusGeocentricDeg());
        assertTrue(e.ascendingChecked() > 1000, "ascending checks: " + e.ascendingChecked());
        assertEquals(0, e.ascendingMismatches(), "ascending/descending disagreements");
    }

    @Test
    void paperShell100x100At87DegMatchesAnalytic() {
        assertAgreement(compare(WalkerShell.paperDefault(100, 100), 87L, 40, 60));
    }

    @Test
    void phasedShell40x22At53DegMatchesAnalytic() {
        assertAgreement(compare(new WalkerShell(40, 22, 1, 53.0, 550.0, 6371.0), 53L, 40, 60));
    }

    @Test
    void greenwichAngleIsTheEarthRotationAngle() {
        // ERA (IERS 2010) with UT1 = UTC: 2π(0.7790572732640 + 1.00273781191135448·(JD − 2451545.0)).
        double daysSinceJ2000 = 2460676.5 - 2451545.0; // 2025-01-01T00:00:00 UTC
        double turns = 0.7790572732640 + 0.00273781191135448 * daysSinceJ2000 + (daysSinceJ2000 % 1.0);
        double era = 2.0 * Math.PI * (turns - Math.floor(turns));
        double theta0 = OrekitFrames.greenwichAngleRad(EPOCH);
        assertEquals(0.0, Math.IEEEremainder(theta0 - era, 2.0 * Math.PI), 1e-9);
        // and it advances at the analytic model's rate
        double later = OrekitFrames.greenwichAngleRad(EPOCH.shiftedBy(DAY_S / 3.0));
        assertEquals(0.0, Math.IEEEremainder(later - theta0
                - CircularOrbitGeometry.EARTH_ROTATION_RAD_PER_S * DAY_S / 3.0, 2.0 * Math.PI), 1e-12);
    }

    @Test
    void phaseConventionAtEpoch() {
        WalkerShell shell = new WalkerShell(4, 6, 1, 60.0, 530.0, 6371.0);
        KeplerianConstellation orekit = new KeplerianConstellation(shell, EPOCH);
        double r = shell.orbitRadiusKm();
        // (1,1): RAAN 0, u0 = 0 -> on the inertial X axis.
        assertEquals(0.0, Vector3D.distance(new Vector3D(r, 0, 0), orekit.positionInertialKm(new SatId(1, 1), 0.0)), 1e-9);
        // (1,2): RAAN 90°, u0 = 2π·F/(N·M) = 15°:
        // (x, y, z) = r·(−sin u·cos i, cos u, sin u·sin i).
        Vector3D p = orekit.positionInertialKm(new SatId(1, 2), 0.0);
        double u = Math.toRadians(15);
        double i = Math.toRadians(60);
        assertEquals(-r * Math.sin(u) * Math.cos(i), p.getX(), 1e-9);
        assertEquals(r * Math.cos(u), p.getY(), 1e-9);
        assertEquals(r * Math.sin(u) * Math.sin(i), p.getZ(), 1e-9);
        // one period later every satellite is back
        SatId id = new SatId(4, 3);
        assertEquals(0.0, Vector3D.distance(orekit.positionInertialKm(id, 0.0),
                orekit.positionInertialKm(id, shell.periodS())), 1e-6);
        assertEquals(r, orekit.positionInertialKm(id, 1234.5).getNorm(), 1e-9);
        assertEquals(7.6, orekit.velocityInertialKmPerS(id, 10.0).getNorm(), 0.1);
    }

    @Test
    void bulkEarthFixedPositionsAreInNodeOrder() {
        WalkerShell shell = WalkerShell.paperDefault(10, 10);
        KeplerianConstellation orekit = new KeplerianConstellation(shell, EPOCH);
        List<Vector3D> all = orekit.positionsEarthFixedKm(777.0);
        assertEquals(shell.size(), all.size());
        for (SatId id : List.of(new SatId(1, 1), new SatId(7, 3), new SatId(10, 10))) {
            assertEquals(0.0, Vector3D.distance(all.get(shell.node(id) - 1), orekit.positionEarthFixedKm(id, 777.0)), 1e-12);
        }
    }

    @Test
    void rejectsSatellitesOutsideTheShellAndNonFiniteTimes() {
        KeplerianConstellation orekit = new KeplerianConstellation(WalkerShell.paperDefault(5, 5), EPOCH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> orekit.positionInertialKm(new SatId(6, 1), 0.0));
        assertTrue(e.getMessage().contains("sat"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> orekit.positionEarthFixedKm(new SatId(1, 1), Double.NaN));
        assertTrue(e.getMessage().contains("tS"), e.getMessage());
    }
}
