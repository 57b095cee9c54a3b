package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.propagation.conversion.osc2mean.FixedPointConverter;
import org.orekit.propagation.conversion.osc2mean.TLETheory;
import org.orekit.time.AbsoluteDate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Catalogues as they come, split into +Grid shells: built here from {@link TleWriter}'s Walker shells with a
 * known answer (which satellite is in which slot, which are spares, holes and raising), shuffled, and read
 * back with {@link TleCatalogue}.
 */
class TleCatalogueTest {

    static final AbsoluteDate EPOCH = OrekitData.date("2025-01-01T00:00:00Z");

    @Test
    void planeByPlaneFileGivesTheGridItWasWrittenFrom() {
        TleCatalogue cat = TleCatalogue.read(TleShellTest.resource12x12());
        assertEquals(1, cat.shells().size());
        TleShell shell = cat.onlyShell();
        assertEquals(12, shell.torus().planes());
        assertEquals(12, shell.torus().satsPerPlane());
        assertEquals(0, shell.phasing());
        assertEquals(144, shell.filled());
        assertTrue(cat.outliers().isEmpty(), cat.outliers().toString());
        for (SatId id : WalkerShell.paperDefault(12, 12).satellites()) {
            assertEquals(TleWriter.name(id), shell.satellite(id).orElseThrow().name());
        }
        assertEquals(87.0, shell.inclinationDeg(), 0.01);
        // 530 km over the 6371 km sphere is 522.9 km over the 6378.137 km equatorial radius (mean elements)
        assertEquals(530.0 + 6371.0 - 6378.137, shell.altitudeKm(), 3.0);
    }

    @Test
    void shuffledCatalogueGivesTheSameGridAndPositions(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(TleShellTest.resource12x12());
        List<List<String>> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 3) {
            entries.add(lines.subList(i, i + 3));
        }
        Collections.shuffle(entries, new Random(13));
        List<String> shuffled = new ArrayList<>();
        entries.forEach(shuffled::addAll);
        Path file = dir.resolve("shuffled.tle");
        Files.write(file, shuffled);
        TleShell ordered = TleCatalogue.read(TleShellTest.resource12x12()).onlyShell();
        TleShell mixed = TleCatalogue.read(file).onlyShell();
        assertEquals(ordered.torus(), mixed.torus());
        for (SatId id : WalkerShell.paperDefault(12, 12).satellites()) {
            assertEquals(ordered.satellite(id).orElseThrow().name(), mixed.satellite(id).orElseThrow().name());
            assertEquals(0.0, Vector3D.distance(ordered.positionEarthFixedKm(id, 123.4), mixed.positionEarthFixedKm(id, 123.4)), 0.0);
        }
    }

    /** The truth of a generated catalogue. */
    record Generated(List<TleSatellite> satellites, List<WalkerShell> shells, List<Map<SatId, Integer>> slots,
                     Map<Integer, TleOutlier.Kind> outliers) {
    }

    /**
     * Three shells at three inclinations and altitudes (53° 550 km 10×8 F=3; 70° 570 km 7×9 F=2; 97.6° 560 km
     * 12×6 F=0), with holes (three single slots, half of a plane), in-plane spares (half a slot off, and a
     * second satellite 1° from an occupied slot), satellites raising their orbit at 53° and 70°, one halfway
     * between two planes and one 40 km above the 53° shell, one lone satellite at 30°, all in random order.
     */
    static Generated generate(long seed) {
        List<WalkerShell> shells = List.of(
                new WalkerShell(10, 8, 3, 53.0, 550.0 + 7.137, 6371.0),
                new WalkerShell(7, 9, 2, 70.0, 570.0 + 7.137, 6371.0),
                new WalkerShell(12, 6, 0, 97.6, 560.0 + 7.137, 6371.0));
        List<TleSatellite> out = new ArrayList<>();
        List<Map<SatId, Integer>> slots = new ArrayList<>();
        Map<Integer, TleOutlier.Kind> outliers = new HashMap<>();
        Set<SatId> holesA = Set.of(new SatId(2, 1), new SatId(5, 4), new SatId(8, 10));
        int number = 40_000;
        for (int k = 0; k < shells.size(); k++) {
            WalkerShell shell = shells.get(k);
            List<TleSatellite> gen = TleWriter.generate(shell, EPOCH);
            Map<SatId, Integer> truth = new HashMap<>();
            for (SatId id : shell.satellites()) {
                boolean hole = (k == 0 && holesA.contains(id)) || (k == 1 && id.orb() == 3 && id.sat() <= 5);
                if (hole) {
                    continue;
                }
                number++;
                out.add(TleWriter.variant(gen.get(shell.node(id) - 1), number, "S" + (k + 1) + "-" + TleWriter.name(id), 0, 0, 0));
                truth.put(id, number);
            }
            slots.add(truth);
            double du = 2.0 * Math.PI / shell.satsPerPlane();
            // a spare half a slot ahead of (3, 2), and a second satellite 1° behind (6, 5)
            number++;
            out.add(TleWriter.variant(gen.get(shell.node(new SatId(3, 2)) - 1), number, "SPARE-" + number, du / 2, 0, 0));
            outliers.put(number, TleOutlier.Kind.SPARE);
            number++;
            out.add(TleWriter.variant(gen.get(shell.node(new SatId(6, 5)) - 1), number, "SPARE-" + number, -Math.toRadians(1.0), 0, 0));
            outliers.put(number, TleOutlier.Kind.SPARE);
            if (k == 0) { // one between planes 4 and 5 in RAAN, one 40 km above the shell
                number++;
                out.add(TleWriter.variant(gen.get(shell.node(new SatId(5, 4)) - 1), number, "OFF-" + number, 0,
                        Math.PI / shell.planes(), 0));
                outliers.put(number, TleOutlier.Kind.OFF_PLANE);
                number++;
                out.add(TleWriter.variant(gen.get(3), number, "HIGH-" + number, 0.2, 0, 40.0));
                outliers.put(number, TleOutlier.Kind.ABOVE_SHELL);
            }
            if (k < 2) { // two satellites on their way up, 150 and 220 km below
                for (double dh : new double[] {-150.0, -220.0}) {
                    number++;
                    out.add(TleWriter.variant(gen.get(7), number, "RAISING-" + number, 0.4, 0, dh));
                    outliers.put(number, TleOutlier.Kind.RAISING);
                }
            }
        }
        List<TleSatellite> lone = TleWriter.generate(new WalkerShell(3, 3, 0, 30.0, 600.0, 6371.0), EPOCH);
        number++;
        out.add(TleWriter.variant(lone.get(0), number, "LONE-" + number, 0, 0, 0));
        outliers.put(number, TleOutlier.Kind.UNGROUPED);
        Collections.shuffle(out, new Random(seed));
        List<TleSatellite> indexed = new ArrayList<>();
        for (TleSatellite s : out) {
            indexed.add(new TleSatellite(indexed.size(), s.name(), s.tle()));
        }
        return new Generated(indexed, shells, slots, outliers);
    }

    @Test
    void generatedMultiShellCatalogueIsSplitExactlyAsGenerated() {
        Generated g = generate(2025);
        TleCatalogue cat = TleCatalogue.of("generated", g.satellites());
        assertEquals(List.of(), cat.rejected());
        assertEquals(3, cat.shells().size());
        for (int k = 0; k < 3; k++) {
            WalkerShell truth = g.shells().get(k);
            TleShell shell = cat.shell(k + 1);
            assertEquals(truth.torus(), shell.torus(), "shell " + (k + 1));
            assertEquals(truth.phasing(), shell.phasing(), "shell " + (k + 1));
            assertEquals(truth.inclinationDeg(), shell.inclinationDeg(), 0.05);
            Set<SatId> holes = new HashSet<>(shell.holes());
            for (SatId id : truth.satellites()) {
                Integer expected = g.slots().get(k).get(id);
                if (expected == null) {
                    assertTrue(holes.contains(id), "hole " + id + " of shell " + (k + 1));
                    assertTrue(!shell.isUp(id));
                    assertThrows(IllegalStateException.class, () -> shell.positionInertialKm(id, 0.0));
                } else {
                    assertEquals(expected, shell.satellite(id).orElseThrow().satelliteNumber(), id + " of shell " + (k + 1));
                }
            }
            assertEquals(truth.size() - g.slots().get(k).size(), holes.size());
        }
        assertEquals(4, cat.shell(2).filled(3), "plane 3 of shell 2 keeps 4 of 9");
        assertEquals(9, cat.shell(2).filled(4));
        Map<Integer, TleOutlier.Kind> found = new HashMap<>();
        for (TleOutlier o : cat.outliers()) {
            found.put(o.satellite().satelliteNumber(), o.kind());
        }
        assertEquals(g.outliers(), found);
    }

    @Test
    void theSplitDoesNotDependOnTheOrder() {
        TleCatalogue a = TleCatalogue.of("a", generate(1).satellites());
        TleCatalogue b = TleCatalogue.of("b", generate(2).satellites());
        assertEquals(a.shells().size(), b.shells().size());
        for (int k = 1; k <= a.shells().size(); k++) {
            TleShell x = a.shell(k);
            TleShell y = b.shell(k);
            assertEquals(x.torus(), y.torus());
            for (int node = 1; node <= x.slotCount(); node++) {
                SatId id = SatId.fromNode(node, x.torus().satsPerPlane());
                assertEquals(x.satellite(id).map(TleSatellite::satelliteNumber), y.satellite(id).map(TleSatellite::satelliteNumber));
            }
        }
    }

    @Test
    void aFileThatCannotFormAGridNamesTheFileAndTheReason(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(TleShellTest.resource12x12());
        Path file = dir.resolve("two-planes.tle");
        Files.write(file, lines.subList(0, 3 * 24)); // planes 1 and 2 only
        TleCatalogue cat = TleCatalogue.read(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cat.shell(1));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("at least 3"), e.getMessage());
        Path few = dir.resolve("few.tle");
        Files.write(few, lines.subList(0, 3 * 5));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> TleCatalogue.read(few).onlyShell());
        assertTrue(e2.getMessage().contains(few.toString()) && e2.getMessage().contains("no 9 satellites"), e2.getMessage());
    }

    @Test
    void elementSetsOfDifferentEpochsAreReadAtOneEpoch() {
        // as in a real catalogue, a third of the satellites have element sets 6 h and 1 day older
        List<TleSatellite> original = TleReader.read(TleShellTest.resource12x12());
        List<TleSatellite> mixed = new ArrayList<>();
        for (TleSatellite s : original) {
            if (s.index() % 3 == 0) {
                mixed.add(s);
                continue;
            }
            double back = s.index() % 3 == 1 ? -6 * 3600.0 : -86_400.0;
            org.orekit.propagation.SpacecraftState state = TLEPropagator.selectExtrapolator(s.tle()).propagate(s.epoch().shiftedBy(back));
            TLE older = TLE.stateToTLE(state, s.tle(), new FixedPointConverter(new TLETheory(s.tle())));
            mixed.add(new TleSatellite(s.index(), s.name(), new TLE(older.getLine1(), older.getLine2(), OrekitData.utc())));
        }
        Collections.shuffle(mixed, new Random(8));
        TleCatalogue cat = TleCatalogue.of("mixed epochs", mixed);
        assertEquals(0.0, cat.epoch().durationFrom(EPOCH), 1e-6, "t = 0 at the latest epoch");
        TleShell shell = cat.onlyShell();
        assertEquals(new io.spacecomp.orbit.shell.Torus(12, 12), shell.torus());
        assertTrue(cat.outliers().isEmpty(), cat.outliers().toString());
        TleShell reference = TleCatalogue.read(TleShellTest.resource12x12()).onlyShell();
        double worstKm = 0;
        for (SatId id : WalkerShell.paperDefault(12, 12).satellites()) {
            assertEquals(TleWriter.name(id), shell.satellite(id).orElseThrow().name());
            worstKm = Math.max(worstKm, Vector3D.distance(shell.positionInertialKm(id, 600.0), reference.positionInertialKm(id, 600.0)));
        }
        // an older element set refitted from SGP4 and propagated back by SGP4 lands metres from the original
        assertTrue(worstKm < 0.1, "positions agree within 100 m (7.6 m measured): " + worstKm + " km");
    }
}
