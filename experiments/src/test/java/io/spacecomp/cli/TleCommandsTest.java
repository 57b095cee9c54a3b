package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tle-info, rtt and route over TLE catalogues as they come, and the ground-link flags. */
class TleCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WALKER_100 = ROOT.resolve("data/tle/walker-100x100-87deg-530km.tle");
    private static final Path EXAMPLE = ROOT.resolve("data/tle/example-multishell.tle");
    private static final double C_KM_PER_MS = 299.792458;

    private static Path shuffled(Path source, Path dir, long seed) throws Exception {
        List<String> lines = Files.readAllLines(source);
        List<List<String>> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 3) {
            entries.add(lines.subList(i, i + 3));
        }
        Collections.shuffle(entries, new Random(seed));
        List<String> out = new ArrayList<>();
        entries.forEach(out::addAll);
        Path file = dir.resolve("shuffled-" + source.getFileName());
        Files.write(file, out);
        return file;
    }

    @Test
    void aShuffledCatalogueGivesTheSameRttsAsTheOrderedOne(@TempDir Path dir) throws Exception {
        String[] common = {"--from", "40.71,-74.01", "--to", "51.51,-0.13", "--duration", "120", "--step", "60", "--csv"};
        List<String> ordered = new ArrayList<>(List.of("rtt", "--tle", WALKER_100.toString()));
        ordered.addAll(List.of(common));
        List<String> mixed = new ArrayList<>(List.of("rtt", "--tle", shuffled(WALKER_100, dir, 5).toString()));
        mixed.addAll(List.of(common));
        CliRun a = CliRun.of(ordered.toArray(String[]::new));
        CliRun b = CliRun.of(mixed.toArray(String[]::new));
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(a.out(), b.out());
        String[] lines = a.out().strip().split("\n");
        assertEquals(4, lines.length);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            double rtt = Double.parseDouble(f[1]);
            // New York - London: 5,570 km great circle, 37.2 ms at c; a 530 km shell adds a few ms, never 146
            assertTrue(rtt > 37.2 && rtt < 50, lines[i]);
            assertTrue(Integer.parseInt(f[7]) >= 15, "hops across 87° planes: " + lines[i]);
        }
    }

    @Test
    void tleInfoListsTheShellsOfTheShippedExample() throws Exception {
        CliRun run = CliRun.of("tle-info", EXAMPLE.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = JSON.readTree(run.out());
        assertEquals(1461, j.get("satellites").asInt());
        JsonNode shells = j.get("shells");
        assertEquals(3, shells.size());
        int[][] expected = {{34, 34, 5, 1149, 2}, {12, 15, 3, 172, 1}, {10, 12, 0, 118, 0}};
        double[] inclinations = {53.0, 70.0, 97.6};
        for (int k = 0; k < 3; k++) {
            JsonNode s = shells.get(k);
            assertEquals(k + 1, s.get("shell").asInt());
            assertEquals(inclinations[k], s.get("inclination_deg").asDouble(), 0.1);
            assertEquals(expected[k][0], s.get("planes").asInt());
            assertEquals(expected[k][1], s.get("slots").asInt());
            assertEquals(expected[k][2], s.get("phasing").asInt());
            assertEquals(expected[k][3], s.get("filled").asInt());
            assertEquals(expected[k][4], s.get("spares").asInt());
            assertEquals(expected[k][0] * expected[k][1] - expected[k][3], s.get("holes").size());
        }
        assertEquals("[7,7]", shells.get(1).get("plane_fill").get(6).toString(), "plane 7 of shell 2 is half-filled");
        Map<String, Integer> kinds = new HashMap<>();
        j.get("outliers").forEach(o -> kinds.merge(o.get("kind").asText(), 1, Integer::sum));
        assertEquals(Map.of("spare", 3, "raising", 16, "ungrouped", 3), kinds);
        CliRun text = CliRun.of("tle-info", EXAMPLE.toString());
        assertTrue(text.out().contains("34 x 34") && text.out().contains("half-filled"), text.out());
    }

    @Test
    void aMultiShellFileNeedsShellAndWalkerFlagsAreRefused() {
        CliRun noShell = CliRun.of("rtt", "--tle", EXAMPLE.toString(), "--from", "40,-74", "--to", "51,0");
        assertEquals(2, noShell.exitCode());
        assertTrue(noShell.err().contains("--tle") && noShell.err().contains("3 shells"), noShell.err());
        CliRun badShell = CliRun.of("rtt", "--tle", EXAMPLE.toString(), "--shell", "4", "--from", "40,-74", "--to", "51,0");
        assertEquals(2, badShell.exitCode());
        assertTrue(badShell.err().contains("--shell") && badShell.err().contains("[1, 3]"), badShell.err());
        CliRun radius = CliRun.of("rtt", "--tle", EXAMPLE.toString(), "--shell", "1", "--earth-radius", "6378",
                "--from", "40,-74", "--to", "51,0");
        assertEquals(2, radius.exitCode());
        assertTrue(radius.err().contains("--earth-radius"), radius.err());
        CliRun planes = CliRun.of("rtt", "--tle", EXAMPLE.toString(), "--shell", "1", "--planes", "72",
                "--from", "40,-74", "--to", "51,0");
        assertEquals(2, planes.exitCode());
        assertTrue(planes.err().contains("--planes") && planes.err().contains("34"), planes.err());
        CliRun shellAlone = CliRun.of("rtt", "--shell", "1", "--from", "40,-74", "--to", "51,0");
        assertEquals(2, shellAlone.exitCode());
        assertTrue(shellAlone.err().contains("--shell"), shellAlone.err());
    }

    @Test
    void aFileThatIsNoCatalogueIsNamedWithTheReason(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.tle");
        Files.writeString(junk, "hello\nworld\n");
        CliRun run = CliRun.of("tle-info", junk.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(junk.toString()), run.err());
        Path three = dir.resolve("three.tle");
        Files.write(three, Files.readAllLines(WALKER_100).subList(0, 9));
        CliRun few = CliRun.of("rtt", "--tle", three.toString(), "--from", "40,-74", "--to", "51,0");
        assertEquals(2, few.exitCode());
        assertTrue(few.err().contains(three.toString()) && few.err().contains("cannot form a +Grid"), few.err());
    }

    @Test
    void groundLinkFlagsAreValidatedAndTheSnapshotIsTwiceTheOneWayPath() {
        CliRun zero = CliRun.of("rtt", "--planes", "20", "--sats", "20", "--from", "40,-74", "--to", "51,0", "--max-gsl-km", "0");
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--max-gsl-km") && zero.err().contains("(0, 20000]"), zero.err());
        CliRun both = CliRun.of("rtt", "--planes", "20", "--sats", "20", "--from", "40,-74", "--to", "51,0",
                "--max-gsl-km", "1500", "--min-elevation", "25");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--min-elevation"), both.err());
        String[] walker = {"rtt", "--planes", "40", "--sats", "40", "--inclination", "53", "--from", "40.71,-74.01",
                "--to", "51.51,-0.13", "--duration", "300", "--step", "60", "--csv"};
        List<String> snap = new ArrayList<>(List.of(walker));
        snap.add("--snapshot");
        String[] td = CliRun.of(walker).out().strip().split("\n");
        String[] sn = CliRun.of(snap.toArray(String[]::new)).out().strip().split("\n");
        assertEquals(td.length, sn.length);
        for (int i = 1; i < sn.length; i++) {
            String[] f = sn[i].split(",");
            double rtt = Double.parseDouble(f[1]);
            assertEquals(2 * Double.parseDouble(f[2]) / C_KM_PER_MS, rtt, 1e-3, sn[i]);
            // the constellation moves ~7.6 km/s: tens of ms move it by metres, the RTT by microseconds
            assertEquals(Double.parseDouble(td[i].split(",")[1]), rtt, 0.05, td[i] + " vs " + sn[i]);
        }
        // a range cone of 1,400 km at 550 km admits satellites down to about 17° of elevation: never worse than the 25° mask
        List<String> cone = new ArrayList<>(List.of(walker));
        cone.addAll(List.of("--max-gsl-km", "1400"));
        String[] cn = CliRun.of(cone.toArray(String[]::new)).out().strip().split("\n");
        for (int i = 1; i < cn.length; i++) {
            assertTrue(Double.parseDouble(cn[i].split(",")[1]) <= Double.parseDouble(td[i].split(",")[1]) + 1e-9, cn[i]);
        }
    }

    @Test
    void routeOverATleShellRefusesHolesAndGoesRoundThem() throws Exception {
        CliRun hole = CliRun.of("route", "--tle", EXAMPLE.toString(), "--shell", "2", "--from", "8,7", "--to", "1,1");
        assertEquals(2, hole.exitCode());
        assertTrue(hole.err().contains("--from") && hole.err().contains("empty"), hole.err());
        CliRun run = CliRun.of("route", "--tle", EXAMPLE.toString(), "--shell", "2", "--from", "6,7", "--to", "15,8",
                "--router", "shortest", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = JSON.readTree(run.out());
        for (JsonNode s : j.get("path")) {
            assertTrue(!(s.get(1).asInt() == 7 && s.get(0).asInt() >= 8), "no empty slot of plane 7 on the path: " + j.get("path"));
        }
        assertTrue(j.get("hops").asInt() >= 2);
        // plane 7 holds sats 1..7 only: a minimal-hop router crosses to plane 8 before the empty slots, in 7 hops
        CliRun minimal = CliRun.of("route", "--tle", EXAMPLE.toString(), "--shell", "2", "--from", "6,7", "--to", "15,8",
                "--router", "distance-aware", "--json");
        assertEquals(0, minimal.exitCode(), minimal.err());
        JsonNode m = JSON.readTree(minimal.out());
        assertEquals(7, m.get("hops").asInt(), m.toString());
        for (JsonNode s : m.get("path")) {
            assertTrue(!(s.get(1).asInt() == 7 && s.get(0).asInt() >= 8), "no empty slot of plane 7 on the path: " + m.get("path"));
        }
    }

    @Test
    void simulateRunsOnATleShell() throws Exception {
        String[] common = {"--aoi-min", "3", "--aoi-max", "8", "--collectors", "10", "--seed", "4", "--data-dir",
                ROOT.resolve("data").toString(), "--data", "corpus.txt", "--json"};
        List<String> walker = new ArrayList<>(List.of("simulate", "--planes", "100", "--sats", "100"));
        walker.addAll(List.of(common));
        List<String> tle = new ArrayList<>(List.of("simulate", "--tle", WALKER_100.toString()));
        tle.addAll(List.of(common));
        CliRun a = CliRun.of(walker.toArray(String[]::new));
        CliRun b = CliRun.of(tle.toArray(String[]::new));
        assertEquals(0, b.exitCode(), b.err());
        JsonNode ja = JSON.readTree(a.out()).get("jobs").get(0);
        JsonNode jb = JSON.readTree(b.out()).get("jobs").get(0);
        assertTrue(jb.get("done").asBoolean(), b.out());
        assertEquals(ja.get("result_total").asLong(), jb.get("result_total").asLong());
        assertEquals(ja.get("result_keys").asLong(), jb.get("result_keys").asLong());
        // a shell with holes: the holes stay out of the AOI; a minimal-hop router cannot reach (5,15) from (5,13) past the
        // empty slot (5,14), so the job fails saying so, where the shortest-path router below goes round
        CliRun minimal = CliRun.of("simulate", "--tle", EXAMPLE.toString(), "--shell", "1", "--router", "distance-aware",
                "--aoi-min", "3", "--aoi-max", "17", "--collectors", "30", "--data-dir", ROOT.resolve("data").toString(),
                "--data", "corpus.txt", "--json");
        assertEquals(0, minimal.exitCode(), minimal.err());
        JsonNode jm = JSON.readTree(minimal.out()).get("jobs").get(0);
        assertTrue(!jm.get("done").asBoolean() && jm.get("error").asText().contains("every minimal-hop path crosses a down satellite"),
                minimal.out());
        // (16,3), (15,9) and (5,14) of shell 1 are empty slots inside this AOI; the median reducer of this job
        // falls on (16,3) on a full grid and must move
        for (String reducer : List.of("los", "center", "median")) {
            CliRun holey = CliRun.of("simulate", "--tle", EXAMPLE.toString(), "--shell", "1", "--router", "shortest", "--reducer",
                    reducer, "--aoi-min", "3", "--aoi-max", "17", "--collectors", "30", "--data-dir", ROOT.resolve("data").toString(), "--data", "corpus.txt",
                    "--json");
            assertEquals(0, holey.exitCode(), holey.err());
            JsonNode job = JSON.readTree(holey.out()).get("jobs").get(0);
            assertTrue(job.get("done").asBoolean(), reducer + ": " + holey.out());
            assertEquals(ja.get("result_total").asLong(), job.get("result_total").asLong());
            String at = job.get("reducer").toString();
            assertTrue(!List.of("[16,3]", "[15,9]", "[5,14]").contains(at), reducer + " reducer on an empty slot: " + at);
        }
    }
}
