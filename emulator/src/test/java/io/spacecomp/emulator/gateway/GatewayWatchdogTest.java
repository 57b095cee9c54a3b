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
                    satellites.put(s, standIn(a.port(s), s, heard));
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

    /** What the stand-ins were told on /lost (its body) and /unanswering (its satellites): "(s,o) /path ...", as heard. */
    private final java.util.Queue<String> heard = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Answers /health, and /uplink with a plan: coordinator (1,1), collector (1,1) mapping on (1,2), reducer (2,2);
     * notes what it hears on /lost and /unanswering.
     */
    private static HttpServer standIn(int port, SatId self, java.util.Queue<String> heard) throws IOException {
        return standIn(port, self, heard, ex -> Http.json(ex, 200, Wire.object().put("status", "ok")));
    }

    /** A stand-in whose /health is {@code health}. */
    private static HttpServer standIn(int port, SatId self, java.util.Queue<String> heard, Http.Endpoint health) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        s.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stand-in-" + port);
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/health", Http.handler("GET", health));
        s.createContext("/uplink", Http.handler("POST", ex -> {
            JsonNode spec = Http.jsonBody(ex, 1 << 20);
            ObjectNode plan = Wire.object();
            plan.put("jobid", spec.get("jobid").asText());
            plan.set("los", Wire.sat(new SatId(1, 1)));
            plan.set("reducer", Wire.sat(new SatId(2, 2)));
            plan.putArray("allocations").addArray().add(Wire.sat(new SatId(1, 1))).add(Wire.sat(new SatId(1, 2)));
            Http.json(ex, 200, plan);
        }));
        for (String path : new String[] {"/lost", "/unanswering"}) {
            s.createContext(path, Http.handler("POST", ex -> {
                JsonNode body = Wire.parse(Http.body(ex, 1 << 20));
                heard.add(self + " " + path + " " + (path.equals("/unanswering") ? body.get("satellites") : body));
                Http.json(ex, 200, Wire.object().put("status", "OK"));
            }));
        }
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
    void aJobWhoseDataAlonePassesWhatThePlanesMayHoldInFlightIsRefusedNamingTheHeapItNeeds() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.write(data.resolve("big.txt"), new byte[1 << 20]);
        for (long budget : new long[] {512 * 1024, 1 << 20}) {
            try (Gateway g = Gateway.start(new GatewayConfig(SHELL, addresses, new SatId(1, 1), "127.0.0.1", 0, "127.0.0.1", 0,
                    tmp.resolve("results"), new io.spacecomp.tasks.DataFiles(data), IslKey.OPEN), FAST.withMaxDataBytes(budget))) {
                ObjectNode body = job(120);
                body.putObject("job_data").put("filename", "big.txt");
                GatewayClient.Answer a = client(g).submit(body);
                if (budget < (1 << 20)) {
                    assertEquals(400, a.status(), new String(a.body()));
                    assertEquals("job_data.filename", a.json().get("field").asText());
                    assertEquals("job_data.filename is 1.0 MiB, more than the 0.5 MiB of input data the planes may have in flight "
                            + "at once (an eighth of a plane's heap); start the planes with a heap of at least 64 MiB (emulate "
                            + "--java-opts -Xmx64m, gateway --plane-heap-mb)", a.json().get("error").asText());
                    assertEquals(0, Wire.parse(client(g).get("/health").body()).get("jobs_running").asInt(), "nothing kept");
                } else {
                    assertEquals(200, a.status(), "a job of the whole budget is taken: " + new String(a.body()));
                }
            }
        }
    }

    /** How a stand-in's /health behaves in {@link #aLateOrBusyAnswerIsAnAnswerAndOnlyAWholeSilenceFailsTheJob}. */
    private enum HealthMode {
        LATE, BUSY, PAUSED
    }

    @Test
    void aLateOrBusyAnswerIsAnAnswerAndOnlyAWholeSilenceFailsTheJob() throws Exception {
        // 4 s of silence; a starved plane answering each check after 2.5 s (the old 2.4 s check timeout gave up on it,
        // and two give-ups failed the job), then a plane whose server is full (503 with Retry-After), then a paused one
        GatewayLimits limits = new GatewayLimits(8, 0, 100, Duration.ofSeconds(1), Duration.ofSeconds(4));
        SatId mapper = new SatId(1, 2);
        java.util.concurrent.atomic.AtomicReference<HealthMode> mode = new java.util.concurrent.atomic.AtomicReference<>(HealthMode.LATE);
        satellites.remove(mapper).stop(0);
        satellites.put(mapper, standIn(addresses.port(mapper), mapper, heard, ex -> {
            switch (mode.get()) {
                case LATE -> {
                    Thread.sleep(2_500);
                    Http.json(ex, 200, Wire.object().put("status", "ok"));
                }
                case BUSY -> {
                    ex.getResponseHeaders().set("Retry-After", "1");
                    Http.json(ex, 503, Wire.object().put("error", "busy").put("retry_after_s", 1));
                }
                case PAUSED -> Thread.sleep(60_000);
            }
        }));
        try (Gateway g = gateway(limits)) {
            GatewayClient c = client(g);
            String id = c.submit(job(120)).json().get("jobid").asText();
            assertTrue(g.watching(id).contains(mapper), g.watching(id).toString());
            Thread.sleep(9_000);
            assertFalse(c.completion(id).json().get("done").asBoolean(), "late answers are answers");
            mode.set(HealthMode.BUSY);
            Thread.sleep(6_000);
            assertFalse(c.completion(id).json().get("done").asBoolean(), "a busy plane is there");
            assertEquals("[]", c.get("/satellites").json().get("unanswering").toString());
            mode.set(HealthMode.PAUSED);
            long t0 = System.nanoTime();
            JsonNode done = c.await(id, Duration.ofSeconds(60));
            double s = (System.nanoTime() - t0) / 1e9;
            assertTrue(done.path("failed").asBoolean(), done.toString());
            assertTrue(done.get("error").asText().startsWith("satellite (1,2) of the job stopped answering: no health check "
                    + "answered for 4."), done.toString());
            assertTrue(s >= 3.5 && s < 12, "after the 4 s of silence, within seconds: " + s + " s");
        }
    }

    /** Waits (bounded) until {@code heard} holds a line starting with {@code prefix}; returns it. */
    private String awaitHeard(String prefix, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            for (String h : heard) {
                if (h.startsWith(prefix)) {
                    return h;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never heard '" + prefix + "' within " + within + "; heard " + heard);
    }

    @Test
    void aSilentSatelliteThatWorksForNoJobIsReportedToEveryPlaneUntilItAnswersAgain() throws Exception {
        try (Gateway g = gateway(FAST)) {
            GatewayClient c = client(g);
            SatId relay = new SatId(3, 2);
            int port = addresses.port(relay);
            Thread.sleep(2_500); // it answers a few checks first: one never heard (still starting) is not reported
            long t0 = System.nanoTime();
            satellites.remove(relay).stop(0); // no job: only the constellation-wide watch can see it
            // every plane hears it (on its first satellite), 2 s of silence after the 1 s checks
            for (int orb = 1; orb <= 3; orb++) {
                String line = new SatId(1, orb) + " /unanswering [[3,2]]";
                assertEquals(line, awaitHeard(line, Duration.ofSeconds(20)));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            assertTrue(s >= 1.5 && s < 15, "after the silence (2 s), within seconds: " + s);
            assertEquals("[[3,2]]", c.get("/satellites").json().get("unanswering").toString());
            heard.clear();
            satellites.put(relay, standIn(port, relay, heard)); // it answers again
            String back = new SatId(1, 2) + " /unanswering []";
            assertEquals(back, awaitHeard(back, Duration.ofSeconds(20)));
            assertEquals("[]", c.get("/satellites").json().get("unanswering").toString());
            assertTrue(heard.stream().noneMatch(h -> h.contains("/lost")), "no job, no coordinator told: " + heard);
        }
    }

    @Test
    void aSpareThatTookOverIsWatchedAndItsSilenceReachesTheCoordinator() throws Exception {
        try (Gateway g = gateway(FAST)) {
            GatewayClient c = client(g);
            ObjectNode body = job(120);
            body.put("on_failure", "replan");
            String id = c.submit(body).json().get("jobid").asText();
            assertEquals(java.util.Set.of(new SatId(1, 1), new SatId(1, 2), new SatId(2, 2)), g.watching(id));
            // the coordinator moved the mapper (1,2) to the spare (2,3), as its downlink reports
            SatId spare = new SatId(2, 3);
            ObjectNode move = Wire.object().put("jobid", id);
            move.set("from", Wire.sat(new SatId(1, 2)));
            move.set("to", Wire.sat(spare));
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + g.downlinkAddress().getPort() + "/replanned"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(move.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(java.util.Set.of(new SatId(1, 1), spare, new SatId(2, 2)), g.watching(id));
            long t0 = System.nanoTime();
            satellites.remove(spare).stop(0); // the spare dies silently
            String lost = awaitHeard(new SatId(1, 1) + " /lost", Duration.ofSeconds(20));
            double s = (System.nanoTime() - t0) / 1e9;
            assertTrue(lost.contains("\"satellite\":[2,3]") && lost.contains("stopped answering"), lost);
            assertTrue(s < 15, "the coordinator hears of the spare in seconds, not at the deadline: " + s);
            assertFalse(c.completion(id).json().get("done").asBoolean(), "a re-planning job is not failed for a spare");
            assertFalse(g.watching(id).contains(spare), "told once, then watched no more");
            move.set("to", Wire.sat(new SatId(4, 1)));
            r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + g.downlinkAddress().getPort() + "/replanned"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(move.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"field\":\"to\"") && r.body().contains("outside the shell"), r.body());
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
        try (io.spacecomp.emulator.SmallDisk disk = io.spacecomp.emulator.SmallDisk.mount(results, 1 << 20); Gateway g = Gateway.start(new GatewayConfig(SHELL, addresses, new SatId(1, 1), "127.0.0.1", 0, "127.0.0.1", 0,
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
        }
    }
}
