package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.emulator.net.SatelliteAddresses;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's own guarantees, against stand-in satellites that plan every job and then never report it:
 * no job outlives its deadline, a silent satellite fails its jobs naming it, jobs of a gateway that stopped
 * end failed at the next start, admission (503 with {@code retry_after_s}), a full results store (507), and
 * retention.
 */
class GatewayWatchdogTest {

    private static final WalkerShell SHELL = WalkerShell.paperDefault(3, 3);
    private static final GatewayLimits FAST = new GatewayLimits(8, 0, 100, Duration.ofSeconds(1), Duration.ofSeconds(2));

    @TempDir
    Path tmp;

    private final Map<SatId, HttpServer> satellites = new HashMap<>();
    private SatelliteAddresses addresses;

    @BeforeEach
    void standInSatellites() throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < 8 && addresses == null; attempt++) {
            int base = 30_000 + ThreadLocalRandom.current().nextInt(100) * 20;
            SatelliteAddresses a = SatelliteAddresses.local(base, SHELL.satsPerPlane());
            try {
                for (SatId s : SHELL.satellites()) {
                    satellites.put(s, standIn(a.port(s)));
                }
                addresses = a;
            } catch (BindException e) {
                last = e;
                stopAll();
            }
        }
        if (addresses == null) {
            throw last;
        }
    }

    /** Answers /health, and /uplink with a plan: coordinator (1,1), collector (1,1) mapping on (1,2), reducer (2,2). */
    private static HttpServer standIn(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        s.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stand-in-" + port);
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/health", Http.handler("GET", ex -> Http.json(ex, 200, Wire.object().put("status", "ok"))));
        s.createContext("/uplink", Http.handler("POST", ex -> {
            JsonNode spec = Http.jsonBody(ex, 1 << 20);
            ObjectNode plan = Wire.object();
            plan.put("jobid", spec.get("jobid").asText());
            plan.set("los", Wire.sat(new SatId(1, 1)));
            plan.set("reducer", Wire.sat(new SatId(2, 2)));
            plan.putArray("allocations").addArray().add(Wire.sat(new SatId(1, 1))).add(Wire.sat(new SatId(1, 2)));
            Http.json(ex, 200, plan);
        }));
        s.start();
        return s;
    }

    private void stopAll() {
        satellites.values().forEach(s -> s.stop(0));
        satellites.clear();
    }

    @AfterEach
    void stop() {
        stopAll();
    }

    private Gateway gateway(GatewayLimits limits) throws IOException {
        return Gateway.start(new GatewayConfig(SHELL, addresses, new SatId(1, 1), "127.0.0.1", 0, "127.0.0.1", 0,
                tmp.resolve("results"), null, IslKey.OPEN), limits);
    }

    private static ObjectNode job(double timeoutS) {
        ObjectNode b = Wire.object();
        b.put("collectors", 1);
        b.putArray("aoi").add(Wire.sat(new SatId(1, 1))).add(Wire.sat(new SatId(1, 2)));
        b.putObject("job_data").put("filename", "corpus.txt");
        b.put("timeout", timeoutS);
        return b;
    }

    private static GatewayClient client(Gateway g) {
        return new GatewayClient(URI.create("http://127.0.0.1:" + g.address().getPort()));
    }

    @Test
    void aJobWhoseCoordinatorNeverReportsFailsShortlyAfterItsDeadline() throws Exception {
        try (Gateway g = gateway(FAST)) {
            GatewayClient c = client(g);
            GatewayClient.Answer a = c.submit(job(3));
            assertEquals(200, a.status(), new String(a.body()));
            long t0 = System.nanoTime();
            JsonNode done = c.await(a.json().get("jobid").asText(), Duration.ofSeconds(30));
            double s = (System.nanoTime() - t0) / 1e9;
            assertTrue(done.path("failed").asBoolean(), done.toString());
            assertTrue(done.get("error").asText().contains("no outcome from the coordinator (1,1)"), done.toString());
            assertTrue(s >= 2.5 && s < 15, "failed after its 3 s deadline and 1 s of grace, not long after: " + s + " s");
            assertEquals(0, Wire.parse(c.get("/health").body()).get("jobs_running").asInt(), "no state of it is kept");
        }
    }

    @Test
    void aSilentSatelliteOfTheJobFailsItNamingTheSatellite() throws Exception {
        try (Gateway g = gateway(FAST)) {
            GatewayClient c = client(g);
            String id = c.submit(job(120)).json().get("jobid").asText();
            long t0 = System.nanoTime();
            satellites.remove(new SatId(1, 2)).stop(0); // the mapper's plane is gone
            JsonNode done = c.await(id, Duration.ofSeconds(60));
            double s = (System.nanoTime() - t0) / 1e9;
            assertTrue(done.path("failed").asBoolean(), done.toString());
            assertTrue(done.get("error").asText().startsWith("satellite (1,2) of the job stopped answering"), done.toString());
            assertTrue(s < 15, "detected in seconds, not at the 120 s deadline: " + s + " s");
        }
    }

    @Test
    void jobsRunningWhenTheGatewayStoppedEndFailedAtTheNextStart() throws Exception {
        String id;
        try (Gateway g = gateway(FAST)) {
            id = client(g).submit(job(120)).json().get("jobid").asText();
            assertFalse(client(g).completion(id).json().get("done").asBoolean());
        }
        try (Gateway g = gateway(FAST)) {
            JsonNode done = client(g).completion(id).json();
            assertTrue(done.get("done").asBoolean() && done.get("failed").asBoolean(), done.toString());
            assertTrue(done.get("error").asText().startsWith("the gateway stopped while the job was running"), done.toString());
        }
    }

    @Test
    void beyondItsJobBudgetTheGatewayAnswers503WithRetryAfter() throws Exception {
        try (Gateway g = gateway(new GatewayLimits(2, 0, 100, Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
            GatewayClient c = client(g);
            assertEquals(200, c.submit(job(60)).status());
            assertEquals(200, c.submit(job(60)).status());
            GatewayClient.Answer busy = c.submit(job(60));
            assertEquals(503, busy.status(), new String(busy.body()));
            assertEquals(Gateway.RETRY_AFTER_S, busy.json().get("retry_after_s").asInt());
            assertTrue(busy.json().get("error").asText().contains("2 jobs are in progress"), busy.json().toString());
        }
    }

    @Test
    void aFullResultsStoreRefusesJobsWith507NamingNoPath() throws Exception {
        try (Gateway g = gateway(FAST.withMinFreeBytes(Long.MAX_VALUE / 2))) {
            GatewayClient.Answer full = client(g).submit(job(60));
            assertEquals(507, full.status(), new String(full.body()));
            String error = full.json().get("error").asText();
            assertTrue(error.startsWith("the gateway's results store is full"), error);
            assertFalse(error.contains(tmp.toString()), "no server path: " + error);
            try (Stream<Path> jobs = Files.list(tmp.resolve("results"))) {
                assertEquals(0, jobs.count(), "nothing of a refused job is kept");
            }
        }
    }

    @Test
    void onlyTheNewestFinishedJobsAreKept() throws Exception {
        try (Gateway g = gateway(FAST.withKeepJobs(2))) {
            GatewayClient c = client(g);
            String[] ids = new String[3];
            for (int i = 0; i < 3; i++) {
                ids[i] = c.submit(job(1)).json().get("jobid").asText();
                assertTrue(c.await(ids[i], Duration.ofSeconds(30)).path("failed").asBoolean());
            }
            try (Stream<Path> jobs = Files.list(tmp.resolve("results"))) {
                assertEquals(2, jobs.count());
            }
            assertEquals(404, c.completion(ids[0]).status(), "the oldest was deleted");
            assertTrue(c.completion(ids[2]).json().get("done").asBoolean());
        }
    }
    /** Mounts a 1 MiB tmpfs at {@code dir} (root with CAP_SYS_ADMIN only); false when not allowed here. */
    private static boolean smallDisk(Path dir) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static void unmount(Path dir) throws Exception {
        new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true).start().waitFor();
    }

    /** The outcome a coordinator would send down: a word count of {@code words} entries. */
    private static byte[] outcome(String jobId, int words) {
        ObjectNode counts = Wire.object();
        for (int i = 0; i < words; i++) {
            counts.put("word" + i, i);
        }
        return Wire.bytes(Wire.outcome(new io.spacecomp.protocol.JobOutcome(jobId, true, null, io.spacecomp.tasks.Record.of(counts),
                1, 1, 1, new SatId(1, 1), new SatId(2, 2), java.util.List.of(), 0, 0)));
    }

    @Test
    void aResultsDirectoryThatFillsUpLosesNoAcceptedJob() throws Exception {
        Path results = tmp.resolve("small");
        org.junit.jupiter.api.Assumptions.assumeTrue(smallDisk(results), "needs root to mount a 1 MiB tmpfs");
        try (Gateway g = Gateway.start(new GatewayConfig(SHELL, addresses, new SatId(1, 1), "127.0.0.1", 0, "127.0.0.1", 0,
                results, null, IslKey.OPEN), FAST.withMinFreeBytes(256 * 1024))) {
            GatewayClient c = client(g);
            GatewayClient down = new GatewayClient(URI.create("http://127.0.0.1:" + g.downlinkAddress().getPort()));
            java.util.List<String> accepted = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                accepted.add(c.submit(job(120)).json().get("jobid").asText());
            }
            // The disk fills up while they run: their outcomes cannot be written.
            Path filler = results.resolve("filler");
            try (java.io.OutputStream out = Files.newOutputStream(filler)) {
                byte[] mb = new byte[64 * 1024];
                while (true) {
                    out.write(mb);
                }
            } catch (IOException full) {
                // full
            }
            for (String id : accepted) {
                assertEquals(200, down.post("/downlink", outcome(id, 2_000)).status());
            }
            for (String id : accepted) {
                JsonNode done = c.completion(id).json();
                assertTrue(done.get("done").asBoolean() && !done.path("failed").asBoolean(), done.toString());
                assertEquals(2_000, done.get("result").size(), "served from memory meanwhile");
            }
            assertEquals(5, Wire.parse(c.get("/health").body()).get("outcomes_in_memory").asInt());
            GatewayClient.Answer refused = c.submit(job(120));
            assertEquals(507, refused.status(), new String(refused.body()));
            assertFalse(refused.json().get("error").asText().contains(results.toString()), "no server path");
            Files.delete(filler);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Wire.parse(c.get("/health").body()).get("outcomes_in_memory").asInt() > 0 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            for (String id : accepted) {
                assertTrue(Files.isRegularFile(results.resolve(id).resolve("outcome.json")), "written once there was room");
                assertEquals(2_000, c.completion(id).json().get("result").size());
            }
            try (Stream<Path> all = Files.walk(results)) {
                assertEquals(0, all.filter(f -> f.getFileName().toString().startsWith(".tmp-")).count(), "no temporary file left");
            }
            assertEquals(200, c.submit(job(120)).status(), "accepting again");
        } finally {
            unmount(results);
        }
    }
}
