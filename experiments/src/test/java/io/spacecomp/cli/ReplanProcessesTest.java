package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs under failure on real plane processes (3×3, child JVMs as {@code emulate} starts them): a satellite taken
 * down with {@code spacecomp fault}, a paused (SIGSTOP) plane and a killed (SIGKILL) plane, each during a running
 * word count. With {@code on_failure: replan} the job ends with the single-process count and its outcome lists
 * the re-plans; with {@code fail} it fails naming the satellite; a paused plane never makes a job hang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplanProcessesTest {

    /** Collectors in plane 1, candidate mappers in plane 3, spares in plane 2; the coordinator (1,1) reduces. */
    private static final List<SatId> AOI = List.of(new SatId(2, 1), new SatId(3, 1), new SatId(1, 3), new SatId(2, 3),
            new SatId(2, 2), new SatId(3, 2), new SatId(1, 2));
    private static final double DEADLINE_S = 90;

    private Path tmp;
    private LocalConstellation c;
    private GatewayClient client;
    private Map<String, Long> expected;

    @BeforeAll
    void start() throws Exception {
        tmp = Files.createTempDirectory("replan-processes");
        Path root = TestData.projectRoot();
        expected = new TreeMap<>(TestData.singleProcessCount(root.resolve("data/sample.txt")));
        List<String> command = EmulateProcessesTest.planeCommand("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        c = EmulateProcessesTest.start(new LocalConstellation.Options(WalkerShell.paperDefault(3, 3), 0, 0, root.resolve("data"),
                tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null), command);
        c.awaitHealthy(Duration.ofSeconds(180));
        client = new GatewayClient(c.gatewayUri());
    }

    @AfterAll
    void stop() throws Exception {
        if (c != null) {
            c.close();
        }
    }

    private static ObjectNode job(String onFailure) {
        ObjectNode b = Wire.object();
        b.put("collectors", 2);
        b.set("aoi", Wire.sats(AOI));
        b.put("allocator", "bipartite");
        b.put("reducer", "los");
        b.put("max_collect_records", 8); // long enough a job that the fault falls in its middle
        b.putObject("job_data").put("filename", "sample.txt");
        b.put("timeout", DEADLINE_S);
        b.put("on_failure", onFailure);
        return b;
    }

    /** Submits a job; returns its plan. */
    private JsonNode submit(String onFailure) throws Exception {
        GatewayClient.Answer a = client.submit(job(onFailure));
        assertEquals(200, a.status(), () -> new String(a.body()));
        return a.json();
    }

    private void assertStillRunning(JsonNode plan) throws Exception {
        assertFalse(client.completion(plan.get("jobid").asText()).json().path("done").asBoolean(),
                "the job must still run when the fault comes (make it longer)");
    }

    private static SatId mapper(JsonNode plan, int i) {
        return Wire.sat(plan.get("allocations").get(i).get(1), "mapper");
    }

    private CliRun fault(String... words) {
        String[] args = new String[words.length + 5];
        args[0] = "fault";
        args[1] = "--url";
        args[2] = c.gatewayUri().toString();
        args[3] = "--key-file";
        args[4] = c.keyFile().toString();
        System.arraycopy(words, 0, args, 5, words.length);
        return CliRun.of(args);
    }

    private static void signal(long pid, String sig) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "kill -" + sig + " " + pid);
    }

    private void assertExactWithReplans(JsonNode done, String what) {
        assertTrue(done.path("done").asBoolean() && !done.path("failed").asBoolean(), what + ": " + done);
        assertEquals(expected, counts(done.get("result")), what);
        assertTrue(done.has("replans") && done.get("replans").size() >= 1, what + ": the outcome lists the re-plans: " + done);
        for (JsonNode r : done.get("replans")) {
            assertTrue(r.hasNonNull("role") && r.hasNonNull("from") && r.hasNonNull("to") && r.hasNonNull("reason"), r.toString());
        }
    }

    private static Map<String, Long> counts(JsonNode result) {
        Map<String, Long> m = new TreeMap<>();
        result.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    @Test
    @Order(1)
    void theFaultCommandChecksItsArguments() {
        CliRun outside = fault("satellite", "4,1", "down");
        assertEquals(2, outside.exitCode(), outside.err());
        assertTrue(outside.err().contains("invalid value for satellite: 4,1") && outside.err().contains("sat in [1, 3]"), outside.err());
        CliRun duration = fault("satellite", "2,3", "down", "--for", "ten");
        assertEquals(2, duration.exitCode());
        assertTrue(duration.err().contains("--for") && duration.err().contains("10s"), duration.err());
        CliRun notNeighbours = fault("link", "1,1", "2,2", "down");
        assertEquals(2, notNeighbours.exitCode());
        assertTrue(notNeighbours.err().contains("invalid value for link: 1,1 2,2"), notNeighbours.err());
        CliRun plane = fault("plane", "4", "down");
        assertEquals(2, plane.exitCode());
        assertTrue(plane.err().contains("a plane in [1, 3]"), plane.err());
        CliRun noKey = CliRun.of("fault", "--url", c.gatewayUri().toString(), "plane", "2", "down", "--for", "1s");
        if (System.getenv(io.spacecomp.emulator.net.IslKey.ENV) == null && System.getenv(io.spacecomp.emulator.net.IslKey.FILE_ENV) == null) {
            assertEquals(1, noKey.exitCode());
            assertTrue(noKey.err().contains("HTTP 403") && noKey.err().contains("--key-file"), noKey.err());
        }
    }

    @Test
    @Order(2)
    void aScenariosScheduleIsReplayedOnTheWallClock() throws Exception {
        Path file = tmp.resolve("faults.yaml");
        Files.writeString(file, String.join("\n",
                "faults:",
                "  schedule:",
                "    - {at_s: 0.6, plane: 2, down_s: 0.5}",
                "    - {at_s: 0, link: [[1, 1], [1, 2]], down_s: 0.4}",
                "    - {at_s: 0.3, partition: [3], down_s: 0.3}",
                "  random: {message_loss: 0.01}",
                ""));
        long t0 = System.nanoTime();
        CliRun run = fault("--schedule", file.toString());
        double s = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().trim().split("\n");
        assertEquals(3, lines.length, run.out());
        assertTrue(lines[0].startsWith("t = 0.0") && lines[0].contains("outage of link (1,1)-(1,2) for 0.4 s"), lines[0]);
        assertTrue(lines[1].contains("partition [3] from the other planes"), lines[1]);
        assertTrue(lines[2].contains("outage of plane 2 for 0.5 s") && lines[2].contains("\"planes_applied\":[1,2,3]"), lines[2]);
        assertTrue(s >= 0.6 && s < 30, "the last event waits for its at_s: " + s);
        assertTrue(run.err().contains("faults.random") && run.err().contains("not replayed"), run.err());
        CliRun bad = fault("--schedule", file.toString(), "plane", "2", "down");
        assertEquals(2, bad.exitCode());
        Thread.sleep(700);
        assertEquals(9, client.get("/satellites").json().get("up").asInt(), "every fault over");
    }

    @Test
    @Order(2)
    void aScenariosRandomCrashesAreReplayedAsASimulationOfTheSeedDrawsThem() throws Exception {
        Path file = tmp.resolve("random.yaml");
        Files.writeString(file, String.join("\n",
                "faults:",
                "  random: {satellite_mtbf_s: 6, repair_s: 0.3, message_loss: 0.01}",
                ""));
        List<String> expected = new java.util.ArrayList<>();
        for (io.spacecomp.sim.fault.FaultEvent.SatelliteDown c : new io.spacecomp.sim.fault.RandomFaults(6, 0.3, 0.01, 0, 0, 0)
                .crashes(new io.spacecomp.orbit.shell.Torus(3, 3), io.spacecomp.sim.Simulation.crashStream(5), 0, 2.0)) {
            expected.add(c.atS() + " " + c.satellites().get(0));
        }
        expected.sort(java.util.Comparator.comparingDouble(x -> Double.parseDouble(x.substring(0, x.indexOf(' ')))));
        assertFalse(expected.isEmpty(), "a seed that draws crashes within 2 s");
        CliRun run = fault("--schedule", file.toString(), "--seed", "5", "--horizon", "2s");
        assertEquals(0, run.exitCode(), run.err());
        List<String> replayed = new java.util.ArrayList<>();
        for (String line : run.out().trim().split("\n")) {
            // t = 0.069 s (at_s 0.0689...): {"fault":"crash of satellite (3,1) for 0.3 s", ...}
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "\\(at_s ([0-9.E-]+)\\): \\{\"fault\":\"crash of satellite (\\(\\d+,\\d+\\)) for 0.3 s\"")
                    .matcher(line);
            assertTrue(m.find(), line);
            replayed.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(expected, replayed);
        assertTrue(run.err().contains("message loss") && run.err().contains("not replayed"), run.err());
        CliRun noHorizon = fault("--schedule", file.toString(), "--seed", "5");
        assertEquals(2, noHorizon.exitCode());
        assertTrue(noHorizon.err().contains("--horizon"), noHorizon.err());
        Thread.sleep(700);
        assertEquals(9, client.get("/satellites").json().get("up").asInt(), "every crashed satellite back");
    }

    @Test
    @Order(3)
    void aSatelliteTakenDownByTheFaultCommandFailsAJobThatFailsNamingIt() throws Exception {
        JsonNode plan = submit("fail");
        SatId m = mapper(plan, 0);
        Thread.sleep(300);
        assertStillRunning(plan);
        long t0 = System.nanoTime();
        CliRun down = fault("satellite", m.sat() + "," + m.orb(), "down", "--for", "6s");
        assertEquals(0, down.exitCode(), down.err());
        assertTrue(down.out().contains("outage of satellite " + m + " for 6 s"), down.out());
        JsonNode failed = client.await(plan.get("jobid").asText(), Duration.ofSeconds(120));
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(failed.path("failed").asBoolean(), failed.toString());
        assertTrue(failed.get("error").asText().contains(m.toString()), "names " + m + ": " + failed);
        assertTrue(s < DEADLINE_S / 2, "failed in seconds: " + s);
        System.out.printf("fault satellite %s down (fail): failed after %.2f s: %s%n", m, s, failed.get("error").asText());
        assertEquals(0, fault("satellite", m.sat() + "," + m.orb(), "up").exitCode());
    }

    @Test
    @Order(4)
    void aSatelliteTakenDownByTheFaultCommandMovesAndTheCountStaysExact() throws Exception {
        JsonNode plan = submit("replan");
        SatId m = mapper(plan, 0);
        Thread.sleep(300);
        assertStillRunning(plan);
        CliRun down = fault("satellite", m.sat() + "," + m.orb(), "down", "--for", "10s");
        assertEquals(0, down.exitCode(), down.err());
        JsonNode done = client.await(plan.get("jobid").asText(), Duration.ofSeconds(120));
        assertExactWithReplans(done, "fault satellite " + m + " down");
        assertEquals(Wire.sat(m), done.get("replans").get(0).get("from"));
        System.out.printf("fault satellite %s down (replan): exact after %.2f s; re-plans %s%n", m,
                done.get("result_time").asDouble(), done.get("replans"));
        assertEquals(0, fault("satellite", m.sat() + "," + m.orb(), "up").exitCode());
    }

    @Test
    @Order(5)
    void aPausedPlaneEndsInAReplanOrANamedFailureBeforeTheDeadline() throws Exception {
        JsonNode plan = submit("replan");
        Thread.sleep(300);
        assertStillRunning(plan);
        long plane3 = c.pids().get(2);
        long t0 = System.nanoTime();
        signal(plane3, "STOP");
        JsonNode end;
        try {
            end = client.await(plan.get("jobid").asText(), Duration.ofSeconds((long) DEADLINE_S + 30));
        } finally {
            signal(plane3, "CONT");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(end.path("done").asBoolean(), "never a hang: " + end);
        if (end.path("failed").asBoolean()) {
            assertTrue(end.get("error").asText().matches("(?s).*\\(\\d,\\d\\).*"), "a named failure: " + end);
        } else {
            assertExactWithReplans(end, "plane 3 paused");
        }
        assertTrue(s < DEADLINE_S, "ended before the deadline: " + s + " s");
        System.out.printf("plane 3 paused (SIGSTOP, replan): %s after %.2f s: %s%n", end.path("failed").asBoolean() ? "failed" : "exact",
                s, end.path("failed").asBoolean() ? end.get("error").asText() : end.get("replans").toString());
        c.awaitHealthy(Duration.ofSeconds(60));
    }

    @Test
    @Order(6)
    void aKilledPlaneUnderReplanEndsWithTheExactCount() throws Exception {
        JsonNode plan = submit("replan");
        Thread.sleep(300);
        assertStillRunning(plan);
        long t0 = System.nanoTime();
        c.stopPlane(3); // SIGKILL: the mappers (plane 3) and their state are gone
        JsonNode done = client.await(plan.get("jobid").asText(), Duration.ofSeconds(120));
        double s = (System.nanoTime() - t0) / 1e9;
        assertExactWithReplans(done, "plane 3 killed");
        java.util.Set<String> moved = new java.util.TreeSet<>();
        for (JsonNode r : done.get("replans")) {
            assertEquals("mapper", r.get("role").asText(), r.toString());
            assertEquals(3, r.get("from").get(1).asInt(), "a mapper of plane 3 moved: " + r);
            assertEquals(2, r.get("to").get(1).asInt(), "to a spare of plane 2: " + r);
            moved.add(r.get("from").toString());
        }
        assertEquals(2, moved.size(), "both mappers of plane 3 moved: " + done.get("replans"));
        System.out.printf("plane 3 killed (SIGKILL, replan): exact after %.2f s; re-plans %s%n", s, done.get("replans"));
    }
}
