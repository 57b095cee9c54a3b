package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.Testbed;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planes as real processes (the {@code plane} subcommand in child JVMs, as {@code emulate} starts them),
 * driven by the {@code job} subcommand; closing leaves no process behind.
 */
class EmulateProcessesTest {

    @TempDir
    Path tmp;

    /** A 3×3 constellation whose planes are child JVMs running the {@code plane} subcommand. */
    private LocalConstellation planeProcesses(Path data) throws java.io.IOException {
        List<String> command = planeCommand();
        return start(new LocalConstellation.Options(WalkerShell.paperDefault(3, 3), 0, 0,
                data, tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null), command);
    }

    /** Starts the plane processes on a free block of ports (another block when one is taken, e.g. by a parallel run). */
    static LocalConstellation start(LocalConstellation.Options o, List<String> command) throws java.io.IOException {
        return Testbed.processes(o, command);
    }

    /** The command that starts one plane as a child JVM (the {@code plane} subcommand), quick to start; {@code jvmFlags} come before -cp. */
    static List<String> planeCommand(String... jvmFlags) {
        List<String> c = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        c.addAll(List.of(jvmFlags));
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), SpaceComp.class.getName(), "plane"));
        return List.copyOf(c);
    }

    @Test
    void jobCommandThroughPlaneProcesses() throws Exception {
        Path root = io.spacecomp.sim.TestData.projectRoot();
        List<Long> pids;
        try (LocalConstellation c = planeProcesses(root.resolve("data"))) {
            c.awaitHealthy(Duration.ofSeconds(120));
            pids = c.pids();
            assertEquals(3, pids.size());
            Path jobData = tmp.resolve("job.json");
            Files.writeString(jobData, "{\"filename\": \"corpus.txt\"}");
            CliRun run = CliRun.of("job", "-u", c.gatewayUri().toString(), "-mi", "1", "-ma", "3", "-c", "4", "-s", "3", "-a", "lapjv",
                    "-d", jobData.toString(), "--wait", "60");
            assertEquals(0, run.exitCode(), run.err());
            String[] lines = run.out().trim().split("\n");
            JsonNode submitted = Wire.parse(lines[0].getBytes());
            JsonNode done = Wire.parse(lines[1].getBytes());
            assertEquals(4, submitted.get("allocations").size());
            assertTrue(lines[0].startsWith("{\"jobid\": \""), "printed as job.py prints: " + lines[0]);
            assertTrue(done.get("done").asBoolean(), lines[1]);
            java.util.Map<String, Long> counted = new java.util.TreeMap<>();
            done.get("result").fields().forEachRemaining(e -> counted.put(e.getKey(), e.getValue().asLong()));
            assertEquals(new java.util.TreeMap<>(io.spacecomp.sim.TestData.singleProcessCount(root.resolve("data/corpus.txt"))), counted);

            CliRun again = CliRun.of("job", "-u", c.gatewayUri().toString(), "-i", submitted.get("jobid").asText());
            assertEquals(0, again.exitCode());
            assertEquals(done.get("result"), Wire.parse(again.out().trim().getBytes()).get("result"));
            CliRun missing = CliRun.of("job", "-u", c.gatewayUri().toString(), "-i", submitted.get("jobid").asText(), "-f", "none.bin");
            assertEquals(1, missing.exitCode());
            assertTrue(missing.out().contains("Failed to download none.bin") && missing.out().contains("Status: 404"), missing.out());
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "plane process " + pid + " stopped");
        }
    }

    /** A word-count body with an explicit AOI: the first k satellites collect, the next k are candidate mappers. */
    static com.fasterxml.jackson.databind.node.ObjectNode job(List<SatId> aoi, int k, int maxRecords, String file, double timeoutS) {
        com.fasterxml.jackson.databind.node.ObjectNode b = Wire.object();
        b.put("collectors", k);
        com.fasterxml.jackson.databind.node.ArrayNode a = b.putArray("aoi");
        aoi.forEach(s -> a.add(Wire.sat(s)));
        b.put("allocator", "bipartite");
        b.put("reducer", "los");
        b.put("max_collect_records", maxRecords);
        b.putObject("job_data").put("filename", file);
        b.put("timeout", timeoutS);
        return b;
    }

    @Test
    void killingAPlaneMidJobFailsThatJobNamingTheSatelliteAndARestartRestoresService() throws Exception {
        Path root = io.spacecomp.sim.TestData.projectRoot();
        Path data = Files.createDirectories(tmp.resolve("data"));
        String big = "sample.txt";
        Files.copy(root.resolve("data").resolve(big), data.resolve(big));
        Files.copy(root.resolve("data/corpus.txt"), data.resolve("corpus.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (LocalConstellation c = planeProcesses(data)) {
            c.awaitHealthy(Duration.ofSeconds(120));
            io.spacecomp.emulator.client.GatewayClient client = new io.spacecomp.emulator.client.GatewayClient(c.gatewayUri());
            // Collectors in planes 1-2 stream record by record to mappers in plane 3.
            List<SatId> touching = List.of(new SatId(2, 1), new SatId(3, 1), new SatId(2, 2), new SatId(1, 3), new SatId(2, 3), new SatId(3, 3));
            // Everything in planes 1-2: minimal-hop paths between adjacent planes never cross plane 3.
            List<SatId> apart = List.of(new SatId(2, 1), new SatId(3, 1), new SatId(2, 2), new SatId(3, 2));
            String doomed = client.submit(job(touching, 3, 1, big, 60)).json().get("jobid").asText();
            Thread.sleep(150);
            long killedAt = System.nanoTime();
            c.stopPlane(3);
            JsonNode failed = client.await(doomed, Duration.ofSeconds(60));
            double failedAfterS = (System.nanoTime() - killedAt) / 1e9;
            assertTrue(failed.path("failed").asBoolean(), failed.toString());
            assertTrue(failed.get("error").asText().matches("(?s).*\\(\\d+,3\\).*"), "names a satellite of plane 3: " + failed);
            assertTrue(failedAfterS < 60, "failed within its deadline: " + failedAfterS + " s");
            System.out.printf("plane 3 killed: job failed after %.2f s: %s%n", failedAfterS, failed.get("error").asText());

            String fine = client.submit(job(apart, 2, 10, "corpus.txt", 60)).json().get("jobid").asText();
            assertTrue(client.await(fine, Duration.ofSeconds(60)).path("done").asBoolean(), "a job away from plane 3 succeeds");

            c.startPlane(3);
            c.awaitHealthy(Duration.ofSeconds(120));
            String again = client.submit(job(touching, 3, 10, "corpus.txt", 60)).json().get("jobid").asText();
            JsonNode done = client.await(again, Duration.ofSeconds(60));
            assertTrue(done.path("done").asBoolean(), "service restored: " + done);
        }
    }

    @Test
    void liveCommandsValidateTheirFlags() {
        CliRun noShell = CliRun.of("plane", "--orb", "1");
        assertEquals(2, noShell.exitCode());
        assertTrue(noShell.err().contains("--planes"), noShell.err());
        CliRun badOrb = CliRun.of("plane", "--planes", "3", "--sats", "3", "--orb", "4");
        assertEquals(2, badOrb.exitCode());
        assertTrue(badOrb.err().contains("--orb") && badOrb.err().contains("[1, 3]"), badOrb.err());
        if (System.getenv(io.spacecomp.emulator.net.IslKey.ENV) == null) {
            for (String command : List.of("plane", "gateway")) {
                CliRun open = command.equals("plane") ? CliRun.of(command, "--planes", "3", "--sats", "3", "--orb", "1")
                        : CliRun.of(command, "--planes", "3", "--sats", "3", "--port", "0", "--downlink-port", "0");
                assertEquals(2, open.exitCode(), command + ": " + open.err());
                assertTrue(open.err().contains("SPACECOMP_ISL_KEY is not set") && open.err().contains("--insecure"), open.err());
            }
        }
        CliRun badBudget = CliRun.of("plane", "--planes", "3", "--sats", "3", "--orb", "1", "--budget-heap-mb", "-1");
        assertEquals(2, badBudget.exitCode());
        assertTrue(badBudget.err().contains("--budget-heap-mb") && badBudget.err().contains("1048576"), badBudget.err());
        CliRun badPlaneHeap = CliRun.of("gateway", "--planes", "3", "--sats", "3", "--plane-heap-mb", "0");
        assertEquals(2, badPlaneHeap.exitCode());
        assertTrue(badPlaneHeap.err().contains("--plane-heap-mb"), badPlaneHeap.err());
        CliRun badHeap = CliRun.of("emulate", "--planes", "3", "--sats", "3", "--java-opts", "-Xmx12q");
        assertEquals(2, badHeap.exitCode());
        assertTrue(badHeap.err().contains("--java-opts") && badHeap.err().contains("-Xmx12q"), badHeap.err());
        CliRun badDelay = CliRun.of("emulate", "--planes", "3", "--sats", "3", "--isl-delay", "warp");
        assertEquals(2, badDelay.exitCode());
        assertTrue(badDelay.err().contains("--isl-delay") && badDelay.err().contains("physical"), badDelay.err());
        CliRun badAllocator = CliRun.of("job", "-a", "greedy");
        assertEquals(2, badAllocator.exitCode());
        assertTrue(badAllocator.err().contains("-a/--allocator") && badAllocator.err().contains("lapjv"), badAllocator.err());
        CliRun badRange = CliRun.of("job", "-mi", "5", "-ma", "4");
        assertEquals(2, badRange.exitCode());
        assertTrue(badRange.err().contains("-ma/--maxsat"), badRange.err());
        CliRun badName = CliRun.of("constellation", "create", "Bad Name", "--planes", "3", "--sats", "3");
        assertEquals(2, badName.exitCode());
        assertTrue(badName.err().contains("NAME"), badName.err());
    }
}
