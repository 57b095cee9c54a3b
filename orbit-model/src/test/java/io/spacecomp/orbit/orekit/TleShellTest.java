package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.time.AbsoluteDate;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Walker shell written by {@link TleWriter}, read back by {@link TleConstellation} and propagated by SGP4,
 * against the analytic model of the same shell.
 *
 * <p>Tolerances, measured over the first orbit (SGP4 has J2–J4, the two-body model none; the TLE mean
 * elements are a least-squares fit over that orbit): intra-plane links within 0.062 % (12×12, 87°),
 * 0.066 % (100×100, 87°) and 0.031 % (40×22 F=1, 53°); cross-plane links within 0.25 %, 0.26 % and
 * 0.12 %; positions within 3.3 km, 3.4 km and 14.7 km. Asserted with margin: 0.1 % intra-plane, 0.4 %
 * cross-plane, 5 km (87°) / 20 km (53°) positions. Over three orbits (12×12): 0.062 %, 0.56 %, 9.0 km,
 * asserted as 0.1 %, 1 %, 15 km. The differences are J2's short-period oscillation (a few km in radius,
 * depending on the argument of latitude) and J2's nodal regression, which moves the whole shell.
 */
class TleShellTest {

    static final AbsoluteDate EPOCH = OrekitData.date("2025-01-01T00:00:00Z");
    static final String RESOURCE_12X12 = "/io/spacecomp/orbit/orekit/walker-12x12-87deg-530km.tle";
    static final Path DATA_100X100 = Paths.get("..", "data", "tle", "walker-100x100-87deg-530km.tle");

    static Path resource12x12() {
        try {
            return Paths.get(TleShellTest.class.getResource(RESOURCE_12X12).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Errors(double intraRel, double interRel, double positionKm, int ascendingChecked, int ascendingMismatches) {
    }

    /** Largest differences over {@code orbits} orbits, sampling {@code steps} instants and every {@code stride}-th satellite. */
    private static Errors compare(TleConstellation tle, WalkerShell shell, double orbits, int steps, int stride) {
        CircularOrbitGeometry analytic = new CircularOrbitGeometry(shell, OrekitFrames.greenwichAngleRad(tle.epoch()));
        Torus torus = tle.torus();
        double intra = 0;
        double inter = 0;
        double position = 0;
        int checked = 0;
        int mismatches = 0;
        List<SatId> sats = shell.satellites();
        for (int k = 0; k <= steps; k++) {
            double t = orbits * shell.periodS() * k / steps;
            for (int j = k % stride; j < sats.size(); j += stride) {
                SatId id = sats.get(j);
                SatId ahead = torus.neighbour(id, Direction.AHEAD);
                SatId east = torus.neighbour(id, Direction.EAST);
                double dm = analytic.linkLengthKm(id, ahead, t);
                intra = Math.max(intra, Math.abs(tle.linkLengthKm(id, ahead, t) - dm) / dm);
                double dn = analytic.linkLengthKm(id, east, t);
                inter = Math.max(inter, Math.abs(tle.linkLengthKm(id, east, t) - dn) / dn);
                position = Math.max(position, Vector3D.distance(tle.positionInertialKm(id, t), analytic.positionInertialKm(id, t)));
                // a few km along track moves the turning point by < 0.001 rad: skip |cos u| < 0.01
                if (Math.abs(Math.cos(analytic.argumentOfLatitudeRad(id, t))) > 0.01) {
                    checked++;
                    if (tle.isAscending(id, t) != analytic.isAscending(id, t)) {
                        mismatches++;
                    }
                }
            }
        }
        return new Errors(intra, inter, position, checked, mismatches);
    }

    @Test
    void resourceIsExactlyWhatTleWriterGenerates() throws Exception {
        StringBuilder expected = new StringBuilder();
        for (TleSatellite s : TleWriter.generate(WalkerShell.paperDefault(12, 12), EPOCH)) {
            expected.append(s.toThreeLines());
        }
        assertEquals(expected.toString(), Files.readString(resource12x12(), StandardCharsets.US_ASCII));
    }

    @Test
    void sgp4ShellKeepsWalkerLinkLengthsOverTheFirstOrbit() {
        TleConstellation tle = TleConstellation.asGrid(resource12x12(), 12, 12);
        Errors e = compare(tle, WalkerShell.paperDefault(12, 12), 1.0, 120, 1);
        assertTrue(e.intraRel() < 1e-3, "intra-plane links within 0.1 %: " + e);
        assertTrue(e.interRel() < 4e-3, "cross-plane links within 0.4 %: " + e);
        assertTrue(e.positionKm() < 5.0, "positions within 5 km: " + e);
        // not trivially equal: SGP4 really is another model
        assertTrue(e.positionKm() > 0.5, "SGP4 differs from two-body by more than 0.5 km: " + e);
        assertTrue(e.ascendingChecked() > 10_000);
        assertEquals(0, e.ascendingMismatches(), "ascending/descending disagreements: " + e);
    }

    @Test
    void gridMappingIsPlaneByPlane() {
        WalkerShell shell = WalkerShell.paperDefault(12, 12);
        TleConstellation tle = TleConstellation.asGrid(resource12x12(), 12, 12);
        CircularOrbitGeometry analytic = new CircularOrbitGeometry(shell, OrekitFrames.greenwichAngleRad(tle.epoch()));
        assertEquals(144, tle.size());
        for (int i = 0; i < tle.size(); i++) {
            SatId id = tle.satId(i);
            assertEquals(SatId.fromNode(i + 1, 12), id);
            assertEquals(i, tle.index(id));
            TleSatellite entry = tle.satellites().get(i);
            assertEquals("WALKER-O" + id.orb() + "-S" + id.sat(), entry.name());
            assertEquals(shell.node(id), entry.satelliteNumber());
        }
        for (double t : new double[] {0.0, 1900.0, 3800.0, 5600.0}) {
            for (SatId id : shell.satellites()) {
                // The analytic satellite nearest to TLE satellite (sat, orb), at t and a minute later, is
                // (sat, orb). (One instant is not enough: with planes over 360° and F = 0, (s, o) and
                // (s + M/2, o + N/2) meet at the equator, going opposite ways.)
                Vector3D p = tle.positionInertialKm(id, t);
                Vector3D q = tle.positionInertialKm(id, t + 60.0);
                SatId nearest = shell.satellites().stream()
                        .min((a, b) -> Double.compare(mismatchKm(analytic, a, p, q, t), mismatchKm(analytic, b, p, q, t)))
                        .orElseThrow();
                assertEquals(id, nearest, "t = " + t);
                // AHEAD is ahead along the velocity; EAST is the next plane in right ascension
                Vector3D v = tle.velocityInertialKmPerS(tle.index(id), t);
                Vector3D toAhead = tle.positionInertialKm(tle.torus().neighbour(id, Direction.AHEAD), t).subtract(p);
                assertTrue(toAhead.dotProduct(v) > 0.0, "AHEAD of " + id + " at t = " + t);
                double raanStep = raanRad(tle, tle.torus().neighbour(id, Direction.EAST), t) - raanRad(tle, id, t);
                assertEquals(0.0, Math.IEEEremainder(raanStep - 2.0 * Math.PI / 12, 2.0 * Math.PI), Math.toRadians(0.1),
                        "EAST of " + id);
            }
        }
    }

    private static double mismatchKm(CircularOrbitGeometry analytic, SatId candidate, Vector3D p, Vector3D q, double t) {
        return Vector3D.distance(p, analytic.positionInertialKm(candidate, t))
                + Vector3D.distance(q, analytic.positionInertialKm(candidate, t + 60.0));
    }

    private static double raanRad(TleConstellation tle, SatId id, double t) {
        Vector3D h = Vector3D.crossProduct(tle.positionInertialKm(id, t), tle.velocityInertialKmPerS(tle.index(id), t));
        Vector3D node = Vector3D.crossProduct(Vector3D.PLUS_K, h);
        return Math.atan2(node.getY(), node.getX());
    }

    @Test
    void phased53DegShellRoundTripsThroughAFile(@TempDir Path dir) {
        WalkerShell shell = new WalkerShell(40, 22, 1, 53.0, 530.0, 6371.0);
        Path file = dir.resolve("walker-40x22-F1-53deg.tle");
        List<TleSatellite> written = TleWriter.write(shell, EPOCH, file);
        TleConstellation tle = TleConstellation.asGrid(file, 40, 22);
        assertEquals(written.size(), tle.size());
        assertEquals(written.get(500).tle().getLine2(), tle.satellites().get(500).tle().getLine2());
        Errors e = compare(tle, shell, 1.0, 60, 7);
        assertTrue(e.intraRel() < 1e-3, "intra-plane links within 0.1 %: " + e);
        assertTrue(e.interRel() < 4e-3, "cross-plane links within 0.4 %: " + e);
        assertTrue(e.positionKm() < 20.0, "positions within 20 km: " + e);
        assertEquals(0, e.ascendingMismatches(), "ascending/descending disagreements: " + e);
    }

    @Test
    void shippedDefault100x100FileIsWhatTleWriterGenerates() throws Exception {
        StringBuilder expected = new StringBuilder();
        for (TleSatellite s : TleWriter.generate(WalkerShell.paperDefault(100, 100), EPOCH)) {
            expected.append(s.toThreeLines());
        }
        assertEquals(expected.toString(), Files.readString(DATA_100X100, StandardCharsets.US_ASCII),
                "regenerate with TleWriter.write(WalkerShell.paperDefault(100, 100), 2025-01-01T00:00:00Z, file)");
    }

    @Test
    void shippedDefault100x100FileIsTheWalkerShell() {
        assertTrue(Files.isRegularFile(DATA_100X100), "missing " + DATA_100X100.toAbsolutePath());
        TleConstellation tle = TleConstellation.asGrid(DATA_100X100, 100, 100);
        assertEquals(10_000, tle.size());
        assertEquals(0.0, tle.epoch().durationFrom(EPOCH), 1e-6);
        Errors e = compare(tle, WalkerShell.paperDefault(100, 100), 1.0, 40, 97);
        assertTrue(e.intraRel() < 1e-3, "intra-plane links within 0.1 %: " + e);
        assertTrue(e.interRel() < 4e-3, "cross-plane links within 0.4 %: " + e);
        assertTrue(e.positionKm() < 5.0, "positions within 5 km: " + e);
        assertEquals(0, e.ascendingMismatches(), "ascending/descending disagreements: " + e);
    }

    @Test
    void epochIsReadInUtcAndDefaultsToTheFirstTle() {
        TleConstellation tle = TleConstellation.read(resource12x12());
        // "25001.00000000" is 2025-01-01T00:00:00 UTC; read as TAI it would be 37 s off
        assertEquals(0.0, tle.satellites().get(0).epoch().durationFrom(EPOCH), 1e-6);
        assertEquals(0.0, tle.epoch().durationFrom(EPOCH), 1e-6);
        TleConstellation later = TleConstellation.read(resource12x12(), EPOCH.shiftedBy(60.0));
        assertEquals(0.0, Vector3D.distance(tle.positionInertialKm(5, 60.0), later.positionInertialKm(5, 0.0)), 1e-9);
        assertEquals(0.0, Vector3D.distance(tle.positionEarthFixedKm(5, 90.0),
                tle.withEpoch(EPOCH.shiftedBy(30.0)).positionEarthFixedKm(5, 60.0)), 1e-9);
    }

    @Test
    void plainTwoLineListWorksByIndexButHasNoTorus(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(resource12x12());
        List<String> twoLine = new ArrayList<>();
        for (int i = 0; i < 7 * 3; i += 3) {
            twoLine.add(lines.get(i + 1));
            twoLine.add(lines.get(i + 2));
        }
        Path file = dir.resolve("seven.tle");
        Files.write(file, twoLine);
        TleConstellation tle = TleConstellation.read(file);
        assertEquals(7, tle.size());
        assertEquals("3", tle.satellites().get(2).name(), "no name lines: the catalogue number");
        assertFalse(tle.grid().isPresent());
        IllegalStateException e = assertThrows(IllegalStateException.class, tle::torus);
        assertTrue(e.getMessage().contains("asGrid"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> tle.positionInertialKm(new SatId(1, 1), 0.0));
        assertEquals(WalkerShell.DEFAULT_EARTH_RADIUS_KM, tle.earthRadiusKm(), 0.0);
        // by index: the same as the grid view of the full file
        TleConstellation grid = TleConstellation.asGrid(resource12x12(), 12, 12);
        for (int i = 0; i < 7; i++) {
            assertEquals(0.0, Vector3D.distance(grid.positionEarthFixedKm(i, 321.0), tle.positionEarthFixedKm(i, 321.0)), 1e-12);
        }
        double r = tle.positionInertialKm(3, 100.0).getNorm();
        assertEquals(6901.0, r, 15.0);
        assertEquals(530.0, tle.geodeticPosition(3, 100.0).altitudeKm(), 30.0);
        assertEquals(tle.positionsEarthFixedKm(50.0).get(6), tle.positionEarthFixedKm(6, 50.0));
    }

    @Test
    void sgp4LinkLengthsStayCloseForHours() {
        // Beyond the fit span the shell drifts as a whole (nodal regression), links barely change.
        TleConstellation tle = TleConstellation.asGrid(resource12x12(), 12, 12);
        Errors e = compare(tle, WalkerShell.paperDefault(12, 12), 3.0, 90, 5);
        assertTrue(e.intraRel() < 1e-3, "intra-plane links within 0.1 % over 3 orbits: " + e);
        assertTrue(e.interRel() < 1e-2, "cross-plane links within 1 % over 3 orbits: " + e);
        assertTrue(e.positionKm() < 15.0, "positions within 15 km over 3 orbits: " + e);
    }

    @Test
    void randomPairsAgreeWithTheKeplerianShell() {
        WalkerShell shell = WalkerShell.paperDefault(12, 12);
        TleConstellation tle = TleConstellation.asGrid(resource12x12(), 12, 12);
        KeplerianConstellation keplerian = new KeplerianConstellation(shell, tle.epoch());
        Random random = new Random(12);
        double worst = 0;
        for (int k = 0; k < 300; k++) {
            double t = random.nextDouble() * shell.periodS();
            SatId a = SatId.fromNode(1 + random.nextInt(144), 12);
            SatId b = SatId.fromNode(1 + random.nextInt(144), 12);
            if (a.equals(b)) {
                continue;
            }
            double d = keplerian.linkLengthKm(a, b, t);
            worst = Math.max(worst, Math.abs(tle.linkLengthKm(a, b, t) - d));
        }
        assertTrue(worst < 7.0, "random pair distances within 7 km (2 × 3.3 km positions): " + worst);
    }
}
