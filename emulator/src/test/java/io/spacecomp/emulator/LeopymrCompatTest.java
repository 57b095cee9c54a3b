package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.aoi.AreaOfInterest;
import io.spacecomp.orbit.aoi.Pass;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.spacecomp.emulator.EmulatedWordCountTest.counts;
import static io.spacecomp.emulator.EmulatedWordCountTest.wordCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What leopymr's clients read from the gateway (issue #12), on a live 3×3 constellation: unknown ids, failed
 * jobs, a base URL with a trailing slash, drawn seeds, the SSE stream's bytes as a raw-socket reader sees
 * them, the events' fields, and {@code aoi_box}. Last, when python3 (with requests), jq and curl are here,
 * the compatibility suite (our re-statements of job.py, job.sh and listen.py) runs against it.
 */
class LeopymrCompatTest {

    @TempDir
    static Path results;

    static Testbed bed;

    @BeforeAll
    static void up() throws Exception {
        bed = Testbed.start(3, 3, results, TestData.projectRoot().resolve("data"));
    }

    @AfterAll
    static void down() {
        if (bed != null) {
            bed.close();
        }
    }

    private static TreeMap<String, Long> corpus() throws Exception {
        return new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt")));
    }

    @Test
    void anUnknownIdIs404WithDoneFalseAndTheId() throws Exception {
        String id = UUID.randomUUID().toString();
        GatewayClient.Answer a = bed.client.completion(id);
        assertEquals(404, a.status());
        JsonNode j = a.json();
        assertEquals(id, j.get("jobid").asText());
        assertFalse(j.get("done").asBoolean());
        assertTrue(j.get("done").isBoolean());
        assertEquals("jobid", j.get("field").asText());
        assertTrue(j.get("error").asText().contains(id));

        GatewayClient.Answer malformed = bed.client.completion("../etc");
        assertEquals(400, malformed.status());
        assertFalse(malformed.json().get("done").asBoolean());
        assertEquals("../etc", malformed.json().get("jobid").asText());
    }

    @Test
    void aFailedJobIsDoneWithFailedAndError() throws Exception {
        JobRequest bad = wordCount(3, 1, 3, 3, "bipartite", "los", 10, "corpus.txt")
                .withTasks("doccollector", "", "testthrowingmapper", "sumreducer", false);
        String id = bed.client.submit(bad.body()).json().get("jobid").asText();
        JsonNode d = bed.client.await(id, Duration.ofSeconds(60));
        assertTrue(d.get("done").asBoolean(), d::toString);
        assertTrue(d.get("failed").asBoolean(), d::toString);
        assertTrue(d.get("error").asText().contains("sensor offline"), d::toString);
        assertTrue(d.get("job_time").asDouble() > 0);
    }

    @Test
    void pathsAreNormalisedSoATrailingSlashInTheBaseUrlWorks() throws Exception {
        // Request lines as python-requests and curl send them for -u http://host:port/ (raw: a java.net.URI
        // would read //submit as a host name).
        for (String path : List.of("//submit", "///submit", "/submit/")) {
            byte[] body = Wire.bytes(wordCount(2, 1, 3, 4, "bipartite", "center", 10, "corpus.txt").body());
            String answer = rawExchange("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8));
            assertTrue(answer.startsWith("HTTP/1.1 200"), path + ": " + answer);
            String id = Wire.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8)).get("jobid").asText();
            String ask = "{\"jobid\": \"" + id + "\"}";
            String completion = rawExchange("POST //completion HTTP/1.1\r\nHost: x\r\nContent-Length: " + ask.length() + "\r\n\r\n" + ask);
            assertTrue(completion.startsWith("HTTP/1.1 200") && completion.contains(id), completion);
            assertTrue(bed.client.await(id, Duration.ofSeconds(60)).get("done").asBoolean());
        }
        String bad = rawExchange("POST //completion HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n"
                + "{\"jobid\": 1}");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertTrue(bad.contains("\"field\":\"jobid\""), bad);
        String unknown = rawExchange("GET //nothing HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(unknown.startsWith("HTTP/1.1 404") && unknown.contains("application/json"), unknown);
    }

    @Test
    void aJobWithoutASeedDrawsOneAndReportsIt() throws Exception {
        ObjectNode body = wordCount(4, 1, 3, 4, "random", "los", 10, "corpus.txt").body();
        body.remove("seed");
        Set<Long> seeds = new HashSet<>();
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode a = bed.client.submit(body).json();
            assertTrue(a.get("seed").isIntegralNumber() && a.get("seed").asLong() >= 0 && a.get("seed").asLong() < (1L << 53), a::toString);
            seeds.add(a.get("seed").asLong());
            answers.add(a);
        }
        assertEquals(3, seeds.size(), "a new seed each time: " + seeds);
        // Replaying with the reported seed gives the same allocation.
        ObjectNode replay = body.deepCopy();
        replay.put("seed", answers.get(0).get("seed").asLong());
        assertEquals(answers.get(0).get("allocations"), bed.client.submit(replay).json().get("allocations"));
        ObjectNode seeded = body.deepCopy();
        seeded.put("seed", 77);
        assertEquals(77, bed.client.submit(seeded).json().get("seed").asLong());
        for (JsonNode a : answers) {
            bed.client.await(a.get("jobid").asText(), Duration.ofSeconds(60));
        }
    }

    /**
     * The stream as a raw-socket reader (sseclient 0.0.27) gets it: no chunked framing, a charset, one ASCII
     * data line per event with the exact result, leopymr's meta_data, and no blank-line comment frames.
     */
    @Test
    void theSseStreamReadsWholeFromTheRawSocket() throws Exception {
        URI gw = bed.constellation.gatewayUri();
        try (Socket s = new Socket(gw.getHost(), gw.getPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /subscribe HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = readUntil(in, "\r\n\r\n");
            assertTrue(head.toLowerCase().contains("content-type: text/event-stream; charset=utf-8"), head);
            assertFalse(head.toLowerCase().contains("chunked"), head);
            readUntil(in, "\n"); // the one-line comment sent on subscribing
            Thread.sleep(300);

            long before = System.currentTimeMillis();
            JobRequest j = wordCount(4, 1, 3, 6, "bipartite", "center", 3, "corpus.txt");
            String id = bed.client.submit(j.body()).json().get("jobid").asText();
            String frame = readUntil(in, "\n\n");
            assertTrue(frame.startsWith("event: spacecomp\ndata: {"), frame.substring(0, Math.min(200, frame.length())));
            String[] lines = frame.strip().split("\n");
            assertEquals(2, lines.length, "one event line and one data line");
            for (char c : frame.toCharArray()) {
                assertTrue(c < 128, "non-ASCII is escaped on the wire");
            }
            JsonNode ev = Wire.parse(lines[1].substring("data: ".length()).getBytes(StandardCharsets.US_ASCII));
            assertEquals(corpus(), counts(ev.get("result")));
            assertTrue(corpus().keySet().stream().anyMatch(k -> k.chars().anyMatch(c -> c > 127)), "the corpus has non-ASCII words");
            JsonNode m = ev.get("meta_data");
            assertEquals(id, m.get("jobid").asText());
            assertEquals("mergecombiner", m.get("combine_task").asText());
            assertEquals(4, m.get("data_size").asInt());
            assertEquals(4, m.get("data_id").asInt());
            assertEquals(3, m.get("max_collect_records").asInt());
            double start = m.get("job_start").asDouble();
            assertTrue(start >= before / 1000.0 - 1 && start <= System.currentTimeMillis() / 1000.0, "Unix time: " + start);
            assertTrue(ev.get("job_time").asDouble() > 0);
            // leopymr's job_time ends at the reducer; result_time when the coordinator has the result
            assertTrue(ev.get("result_time").asDouble() >= ev.get("job_time").asDouble(), ev::toString);
            assertTrue(ev.get("done").asBoolean());
        }
    }

    @Test
    void aFileResultIsTheBareNameInTheEventAndFilesInCompletion() throws Exception {
        URI gw = bed.constellation.gatewayUri();
        try (Socket s = new Socket(gw.getHost(), gw.getPort())) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write("GET /subscribe HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            readUntil(in, "\r\n\r\n");
            readUntil(in, "\n");
            Thread.sleep(300);
            JobRequest files = wordCount(3, 1, 3, 9, "lapjv", "center", 2, "corpus.txt")
                    .withTasks("testfilecollector", "", "testinvertmapper", "testconcatreducer", false);
            String id = bed.client.submit(files.body()).json().get("jobid").asText();
            JsonNode ev = null;
            while (ev == null || !ev.get("meta_data").get("jobid").asText().equals(id)) {
                String frame = readUntil(in, "\n\n");
                ev = Wire.parse(frame.strip().split("\n")[1].substring(6).getBytes(StandardCharsets.US_ASCII));
            }
            assertEquals("merged.bin", ev.get("result").asText());
            assertEquals("merged.bin", ev.get("files").get(0).asText());
            assertEquals("merged.bin", bed.client.await(id, Duration.ofSeconds(30)).get("result").get("files").get(0).asText());
        }
    }

    @Test
    void aoiBoxSelectsTheSatellitesOverTheBoxNow() throws Exception {
        // Of a 3×3 shell about half the satellites are ascending at any time: one collector, one mapper.
        ObjectNode body = wordCount(1, 1, 3, 5, "bipartite", "center", 10, "corpus.txt").body();
        body.remove("aoi");
        ObjectNode box = body.putObject("aoi_box");
        box.put("lat_min", -90).put("lat_max", 90).put("lon_min", -180).put("lon_max", 180).put("pass", "ascending");
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(bed.shell);
        double t = (System.currentTimeMillis() - Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()) / 1000.0;
        List<SatId> ascending = new AreaOfInterest(-90, 90, -180, 180).satellitesInside(geometry, t, Pass.ASCENDING);
        GatewayClient.Answer a = bed.client.submit(body);
        assertEquals(200, a.status(), () -> new String(a.body(), StandardCharsets.UTF_8));
        ArrayNode allocations = (ArrayNode) a.json().get("allocations");
        assertEquals(1, allocations.size());
        for (JsonNode pair : allocations) {
            for (JsonNode sat : pair) {
                assertTrue(ascending.contains(new SatId(sat.get(0).asInt(), sat.get(1).asInt())),
                        sat + " is ascending now: " + ascending);
            }
        }
        assertTrue(bed.client.await(a.json().get("jobid").asText(), Duration.ofSeconds(60)).get("done").asBoolean());
    }

    @Test
    void aoiBoxIsCheckedFieldByField() throws Exception {
        assertRefused("{\"lat_min\": 91, \"lat_max\": 10, \"lon_min\": 0, \"lon_max\": 10}", "aoi_box.lat_min", "[-90, 90]");
        assertRefused("{\"lat_min\": 0, \"lat_max\": \"10\", \"lon_min\": 0, \"lon_max\": 10}", "aoi_box.lat_max", "[-90, 90]");
        assertRefused("{\"lat_min\": 20, \"lat_max\": 10, \"lon_min\": 0, \"lon_max\": 10}", "aoi_box.lat_max", "aoi_box.lat_min");
        assertRefused("{\"lat_min\": 0, \"lat_max\": 10, \"lon_min\": -181, \"lon_max\": 10}", "aoi_box.lon_min", "[-180, 180]");
        assertRefused("{\"lat_min\": 0, \"lat_max\": 10, \"lon_min\": 0}", "aoi_box.lon_max", "[-180, 180]");
        assertRefused("{\"lat_min\": 0, \"lat_max\": 10, \"lon_min\": 0, \"lon_max\": 10, \"pass\": \"sideways\"}", "aoi_box.pass", "ascending");
        assertRefused("{\"lat_min\": 0, \"lat_max\": 10, \"lon_min\": 0, \"lon_max\": 10, \"latmin\": 3}", "aoi_box.latmin", "lat_min");
        assertRefused("[1, 2]", "aoi_box", "object");
        // a box too small to hold two satellites of a 3×3 shell
        assertRefused("{\"lat_min\": 0, \"lat_max\": 0.001, \"lon_min\": 0, \"lon_max\": 0.001}", "aoi_box", "at least 2");
        ObjectNode both = wordCount(2, 1, 3, 5, "bipartite", "center", 10, "corpus.txt").body();
        both.set("aoi_box", Wire.parse("{\"lat_min\": -90, \"lat_max\": 90, \"lon_min\": -180, \"lon_max\": 180}".getBytes()));
        GatewayClient.Answer a = bed.client.submit(both);
        assertEquals(400, a.status());
        assertEquals("aoi_box", a.json().get("field").asText());
    }

    /** The compatibility suite itself, when its tools are here (.ci/run installs them). */
    @Test
    void leopymrsClientsRunUnchanged() throws Exception {
        Path fixtures = TestData.projectRoot().resolve("emulator/src/test/leopymr-compat");
        assumeTrue(tool("/usr/bin/python3", "-c", "import requests") && tool("jq", "--version") && tool("curl", "--version"),
                "python3 with requests, jq and curl are needed");
        Process p = new ProcessBuilder("/usr/bin/python3", fixtures.resolve("compat.py").toString(), "--url",
                bed.constellation.gatewayUri().toString(), "--data-dir", TestData.projectRoot().resolve("data").toString(),
                "--grid", "1", "3", "--test-tasks").redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread copier = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        copier.start();
        boolean ended = p.waitFor(240, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        copier.join(5_000);
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(ended, "the suite ends within 240 s:\n" + log);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("12 passed, 0 failed"), log);
        assertNotEquals(-1, log.indexOf("ok   a failed job is done"), log);
    }

    private static boolean tool(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void assertRefused(String box, String field, String mentions) throws Exception {
        ObjectNode body = wordCount(2, 1, 3, 5, "bipartite", "center", 10, "corpus.txt").body();
        body.remove("aoi");
        body.set("aoi_box", Wire.parse(box.getBytes(StandardCharsets.UTF_8)));
        GatewayClient.Answer a = bed.client.submit(body);
        assertEquals(400, a.status(), box);
        assertEquals(field, a.json().get("field").asText(), box + ": " + a.json());
        assertTrue(a.json().get("error").asText().contains(mentions), box + ": " + a.json());
    }

    private static String rawExchange(String request) throws Exception {
        URI gw = bed.constellation.gatewayUri();
        try (Socket s = new Socket(gw.getHost(), gw.getPort())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String readUntil(InputStream in, String end) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] tail = end.getBytes(StandardCharsets.US_ASCII);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("stream ended after " + b);
            }
            b.write(c);
            byte[] got = b.toByteArray();
            if (got.length >= tail.length && java.util.Arrays.equals(got, got.length - tail.length, got.length, tail, 0, tail.length)) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }
}
