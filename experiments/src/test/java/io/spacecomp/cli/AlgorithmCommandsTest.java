package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlgorithmCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void routeJsonListsThePathFromEndToEnd() throws Exception {
        CliRun run = CliRun.of("route", "--planes", "100", "--sats", "100", "--inclination", "87", "--from", "3,7",
                "--to", "60,40", "--router", "distance-aware", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = JSON.readTree(run.out());
        // 3 -> 60 the short way is 43 steps back; 7 -> 40 is 33 planes east: 76 hops.
        assertEquals(76, j.get("hops").asInt());
        assertEquals(j.get("hops").asInt() + 1, j.get("path").size());
        assertEquals("[3,7]", j.get("path").get(0).toString());
        assertEquals("[60,40]", j.get("path").get(76).toString());
        assertTrue(j.get("distance_km").asDouble() > 76 * 22.0);
    }

    @Test
    void optimalIsNoLongerThanManhattanOnTheCli() throws Exception {
        double optimal = JSON.readTree(CliRun.of("route", "--from", "3,7", "--to", "60,40", "--router", "optimal", "--json").out())
                .get("distance_km").asDouble();
        double manhattan = JSON.readTree(CliRun.of("route", "--from", "3,7", "--to", "60,40", "--router", "manhattan", "--json").out())
                .get("distance_km").asDouble();
        assertTrue(optimal < manhattan);
    }

    @Test
    void routeRejectsBadSatellitesAndRouters() {
        CliRun outside = CliRun.of("route", "--from", "3,101", "--to", "1,1");
        assertEquals(2, outside.exitCode());
        assertTrue(outside.err().contains("--from") && outside.err().contains("orb in [1, 100]"), outside.err());
        CliRun router = CliRun.of("route", "--from", "3,7", "--to", "1,1", "--router", "fastest");
        assertEquals(2, router.exitCode());
        assertTrue(router.err().contains("--router") && router.err().contains("distance-aware"), router.err());
        CliRun malformed = CliRun.of("route", "--from", "3;7", "--to", "1,1");
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().contains("--from"), malformed.err());
    }

    @Test
    void assignReportsCostAndTimeAndOptimalBeatsTheBaselines() throws Exception {
        double lapjv = assignCost("lapjv");
        double hungarian = assignCost("hungarian");
        assertEquals(hungarian, lapjv, 1e-6 * hungarian);
        assertTrue(lapjv <= assignCost("eager"));
        assertTrue(assignCost("eager") <= assignCost("random"));
        CliRun run = CliRun.of("assign", "--collectors", "50", "--seed", "1", "--allocator", "lapjv", "--json");
        JsonNode j = JSON.readTree(run.out());
        assertEquals("lapjv", j.get("allocator").asText());
        assertTrue(j.get("assignment_ms").asDouble() >= 0);
        CliRun bad = CliRun.of("assign", "--collectors", "0");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--collectors"), bad.err());
    }

    private static double assignCost(String allocator) throws Exception {
        CliRun run = CliRun.of("assign", "--collectors", "50", "--seed", "3", "--allocator", allocator, "--json");
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out()).get("cost").asDouble();
    }

    @Test
    void rttOverTheWalkerShellIsAtLeastTheGreatCircleAtLightSpeed() {
        CliRun run = CliRun.of("rtt", "--planes", "40", "--sats", "40", "--inclination", "53", "--from", "40.71,-74.01",
                "--to", "51.51,-0.13", "--duration", "120", "--step", "60", "--csv");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals("t_s,rtt_ms,distance_km,uplink_sat,uplink_orb,downlink_sat,downlink_orb,isl_hops", lines[0]);
        assertEquals(4, lines.length);
        for (int i = 1; i < lines.length; i++) {
            double rtt = Double.parseDouble(lines[i].split(",")[1]);
            // New York - London great circle 5,570 km: 37.2 ms round trip at c; the orbit adds more.
            assertTrue(rtt > 37.2 && rtt < 80, lines[i]);
        }
    }

    @Test
    void simulatePrintsTheSameTwiceAndCountsEveryWord() throws Exception {
        Path root = io.spacecomp.sim.TestData.projectRoot();
        String[] args = {"simulate", "--planes", "11", "--sats", "11", "--aoi-min", "3", "--aoi-max", "8", "--collectors", "15",
                "--allocator", "bipartite", "--reducer", "center", "--seed", "42", "--data-dir",
                root.resolve("data").toString(), "--data", "sample.txt", "--json"};
        CliRun first = CliRun.of(args);
        assertEquals(0, first.exitCode(), first.err());
        JsonNode a = JSON.readTree(first.out());
        JsonNode b = JSON.readTree(CliRun.of(args).out());
        for (JsonNode j : new JsonNode[] {a, b}) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) j).remove(List.of("wall_ms", "peak_heap_mb"));
        }
        assertEquals(a, b);
        JsonNode job = a.get("jobs").get(0);
        assertTrue(job.get("done").asBoolean());
        assertEquals(io.spacecomp.sim.TestData.SAMPLE_KEYS, job.get("result_keys").asInt());
        assertEquals(io.spacecomp.sim.TestData.SAMPLE_TOTAL, job.get("result_total").asLong());
        CliRun tooMany = CliRun.of("simulate", "--collectors", "19");
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.err().contains("--collectors") && tooMany.err().contains("[1, 18]"), tooMany.err());
    }
}
