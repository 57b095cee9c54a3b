package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults of real plane processes (3×3, child JVMs as {@code emulate} starts them): a paused (SIGSTOP) mapper
 * plane and a killed (SIGKILL) coordinator plane each fail the running job naming a satellite of that plane in
 * seconds, far before the job's deadline; a launcher killed with jobs running takes its planes with it, and
 * the next launcher on the same results directory ends those jobs failed, with the reason.
 */
class PlaneFaultsProcessTest {

    @TempDir
    Path tmp;

    /** Collectors in planes 1-2 stream record by record to mappers in plane 3; the coordinator (1,1) reduces. */
    private static final List<SatId> TOUCHING = List.of(new SatId(2, 1), new SatId(3, 1), new SatId(2, 2), new SatId(1, 3),
            new SatId(2, 3), new SatId(3, 3));

    private Path data() throws Exception {
        Path root = io.spacecomp.sim.TestData.projectRoot();
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.copy(root.resolve("data/sample.txt"), data.resolve("sample.txt"));
        return data;
    }

    private static void signal(long pid, String sig) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "kill -" + sig + " " + pid);
    }

    @Test
    void aPausedMapperPlaneAndAKilledCoordinatorPlaneFailTheirJobsInSeconds() throws Exception {
        List<String> command = EmulateProcessesTest.planeCommand("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        try (LocalConstellation c = EmulateProcessesTest.start(new LocalConstellation.Options(WalkerShell.paperDefault(3, 3), 0, 0,
                data(), tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null), command)) {
            c.awaitHealthy(Duration.ofSeconds(180));
            GatewayClient client = new GatewayClient(c.gatewayUri());
            long plane3 = c.pids().get(2);

            String paused = client.submit(EmulateProcessesTest.job(TOUCHING, 3, 1, "sample.txt", 120)).json().get("jobid").asText();
            Thread.sleep(150);
            long t0 = System.nanoTime();
            signal(plane3, "STOP");
            JsonNode failed;
            try {
                failed = client.await(paused, Duration.ofSeconds(120));
            } finally {
                signal(plane3, "CONT");
            }
            double pausedS = (System.nanoTime() - t0) / 1e9;
            assertTrue(failed.path("failed").asBoolean(), failed.toString());
            assertTrue(failed.get("error").asText().matches("(?s).*\\(\\d,3\\).*"), "names a satellite of plane 3: " + failed);
            assertTrue(pausedS < 30, "detected in seconds, not at the 120 s deadline: " + pausedS + " s");
            System.out.printf("plane 3 paused (SIGSTOP): job failed after %.2f s: %s%n", pausedS, failed.get("error").asText());
            c.awaitHealthy(Duration.ofSeconds(60));

            String orphan = client.submit(EmulateProcessesTest.job(TOUCHING, 3, 1, "sample.txt", 120)).json().get("jobid").asText();
            Thread.sleep(150);
            t0 = System.nanoTime();
            c.stopPlane(1); // SIGKILL: the coordinator (1,1) and the reducer are gone
            JsonNode lost = client.await(orphan, Duration.ofSeconds(120));
            double lostS = (System.nanoTime() - t0) / 1e9;
            assertTrue(lost.path("failed").asBoolean(), lost.toString());
            assertTrue(lost.get("error").asText().matches("(?s).*\\(\\d,1\\).*"), "names a satellite of plane 1: " + lost);
            assertTrue(lostS < 30, "a lost coordinator is a failure, in seconds: " + lostS + " s");
            System.out.printf("plane 1 (coordinator) killed: job failed after %.2f s: %s%n", lostS, lost.get("error").asText());
        }
    }

    @Test
    void jobsOfAKilledLauncherEndFailedWhenTheNextOneStarts() throws Exception {
        Path data = data();
        Path results = tmp.resolve("results");
        int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> launcher = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SpaceComp.class.getName(), "emulate", "--planes", "3", "--sats", "3", "--port", Integer.toString(port),
                "--port-base", Integer.toString(base), "--data-dir", data.toString(), "--results-dir", results.toString(),
                "--java-opts", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process first = startAndAwait(launcher);
        List<String> ids = new ArrayList<>();
        List<ProcessHandle> planes;
        try {
            // the launcher's children are its planes (Linux shows a command line only up to a page: not past the class path)
            planes = first.children().toList();
            assertEquals(3, planes.size(), "three plane processes");
            GatewayClient client = new GatewayClient(URI.create("http://127.0.0.1:" + port));
            for (int i = 0; i < 5; i++) {
                ids.add(client.submit(EmulateProcessesTest.job(TOUCHING, 3, 1, "sample.txt", 120)).json().get("jobid").asText());
            }
            for (String id : ids) {
                assertFalse(client.completion(id).json().get("done").asBoolean(), "still running when the launcher dies");
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        for (ProcessHandle p : planes) {
            p.onExit().get(60, TimeUnit.SECONDS);
        }
        System.out.printf("launcher killed: its 3 planes exited within %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Process second = startAndAwait(launcher);
        try {
            GatewayClient client = new GatewayClient(URI.create("http://127.0.0.1:" + port));
            for (String id : ids) {
                JsonNode done = client.completion(id).json();
                assertTrue(done.get("done").asBoolean() && done.get("failed").asBoolean(), done.toString());
                assertTrue(done.get("error").asText().startsWith("the gateway stopped while the job was running"), done.toString());
            }
            String fresh = client.submit(EmulateProcessesTest.job(TOUCHING, 3, 100, "sample.txt", 120)).json().get("jobid").asText();
            assertTrue(client.await(fresh, Duration.ofSeconds(120)).path("done").asBoolean(), "the new constellation serves");
        } finally {
            second.destroy();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        }
    }

    /** Starts {@code emulate} and waits for its line saying every satellite answers. */
    private static Process startAndAwait(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("all 9 satellites answer")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keeps the pipe from filling
                        }
                    } catch (java.io.IOException e) {
                        // gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("emulate did not come up:\n" + seen);
    }
}
