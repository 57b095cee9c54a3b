package io.spacecomp.orbit.orekit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad TLE files and wrong grid sizes are rejected with messages that say what is wrong and where. */
class TleRejectionTest {

    private static List<String> lines12x12() throws Exception {
        return Files.readAllLines(TleShellTest.resource12x12());
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void wrongCountForTheGridIsRejectedNamingPlanesAndSats(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(lines12x12());
        lines.subList(lines.size() - 3, lines.size()).clear(); // drop the last satellite: 143 left
        Path file = dir.resolve("short.tle");
        Files.write(file, lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TleConstellation.asGrid(file, 12, 12));
        assertMentions(e, "short.tle", "143", "planes", "satsPerPlane", "12 × 12", "144");
        // the same satellites are fine as a plain list
        assertEquals(143, TleConstellation.read(file).size());
    }

    @Test
    void rightCountButOtherFactorisationIsRejectedToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TleConstellation.asGrid(TleShellTest.resource12x12(), 10, 14));
        assertMentions(e, "144", "10 × 14", "140");
        assertEquals(144, TleConstellation.asGrid(TleShellTest.resource12x12(), 16, 9).size());
    }

    @Test
    void gridSmallerThan3x3IsRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TleConstellation.asGrid(TleShellTest.resource12x12(), 72, 2));
        assertMentions(e, "satsPerPlane");
    }

    @Test
    void badChecksumIsRejectedWithItsLineNumber(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(lines12x12());
        String line2 = lines.get(4); // second satellite's line 1 is index 4 (line 5)
        char last = line2.charAt(line2.length() - 1);
        lines.set(4, line2.substring(0, line2.length() - 1) + (char) ('0' + (last - '0' + 1) % 10));
        Path file = dir.resolve("checksum.tle");
        Files.write(file, lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TleReader.read(file));
        assertMentions(e, "checksum.tle:5");
    }

    @Test
    void structuralErrorsAreRejected(@TempDir Path dir) throws Exception {
        List<String> lines = lines12x12();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TleReader.parse("x.tle", List.of(lines.get(0), lines.get(1))));
        assertMentions(e, "x.tle:2", "line 1");
        e = assertThrows(IllegalArgumentException.class,
                () -> TleReader.parse("x.tle", List.of(lines.get(2))));
        assertMentions(e, "x.tle:1", "line 2");
        e = assertThrows(IllegalArgumentException.class,
                () -> TleReader.parse("x.tle", List.of("NAME ONE", "NAME TWO", lines.get(1), lines.get(2))));
        assertMentions(e, "x.tle:2", "NAME ONE");
        e = assertThrows(IllegalArgumentException.class, () -> TleReader.parse("empty.tle", List.of("", "  ")));
        assertMentions(e, "empty.tle", "no TLE");
        Path missing = dir.resolve("missing.tle");
        Exception io = assertThrows(java.io.UncheckedIOException.class, () -> TleReader.read(missing));
        assertMentions(io, "missing.tle");
    }

    @Test
    void spaceTrackStyleNameLinesAndBlankLinesAreAccepted() throws Exception {
        List<String> lines = lines12x12();
        List<TleSatellite> sats = TleReader.parse("3le.tle",
                List.of("\uFEFF0 FIRST SAT", lines.get(1), lines.get(2), "", "SECOND", lines.get(4) + "  ", lines.get(5)));
        assertEquals(2, sats.size());
        assertEquals("FIRST SAT", sats.get(0).name());
        assertEquals("SECOND", sats.get(1).name());
        assertEquals(1, sats.get(1).index());
        assertEquals(2, sats.get(1).satelliteNumber());
    }
}
