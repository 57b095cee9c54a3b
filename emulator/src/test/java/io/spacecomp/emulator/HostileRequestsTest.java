package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static io.spacecomp.emulator.EmulatedWordCountTest.counts;
import static io.spacecomp.emulator.EmulatedWordCountTest.wordCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway and the satellites against bad and hostile input: a seeded fuzz of malformed requests,
 * path traversal, internal endpoints, and a gateway restart. Traffic stays on loopback.
 */
class HostileRequestsTest {

    @TempDir
    static Path results;

    static Testbed bed;
    static final JsonNodeFactory F = JsonNodeFactory.instance;

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

    static ObjectNode valid() {
        return wordCount(4, 1, 3, 1, "bipartite", "center", 10, "corpus.txt").body();
    }

    /** One hostile request: method, path, body bytes. */
    record Hostile(String what, String method, String path, byte[] body) {
    }

    static byte[] json(JsonNode n) {
        return Wire.bytes(n);
    }

    static Hostile submitWith(String field, JsonNode value) {
        ObjectNode b = valid();
        if (value == null) {
            b.remove(field);
        } else {
            b.set(field, value);
        }
        return new Hostile(field + "=" + Wire.brief(value), "POST", "/submit", json(b));
    }

    static ArrayNode sat(int s, int o) {
        return F.arrayNode().add(s).add(o);
    }

    /** Requests that must all be refused with a 4xx and a JSON error, drawn from {@code random}. */
    static List<Hostile> hostile(Random random, int count) {
        String[] traversal = {"../../etc/passwd", "/etc/passwd", "data/../../../etc/passwd", "..", "../", "nosuchfile.txt",
                "corpus.txt/../../x", "%2e%2e/etc/passwd", "\u0000", "C:\\\\windows\\\\win.ini"};
        List<Supplier<Hostile>> kinds = new ArrayList<>();
        kinds.add(() -> submitWith("collectors", F.numberNode(random.nextBoolean() ? -random.nextInt(1000) : 0)));
        kinds.add(() -> submitWith("collectors", F.numberNode(5 + random.nextInt(1_000_000))));
        kinds.add(() -> submitWith("collectors", F.numberNode(new java.math.BigInteger("1" + "0".repeat(20 + random.nextInt(30))))));
        kinds.add(() -> submitWith("collectors", F.textNode("4")));
        kinds.add(() -> submitWith("collectors", F.numberNode(2.5)));
        kinds.add(() -> submitWith("collectors", null));
        kinds.add(() -> submitWith("aoi", null));
        kinds.add(() -> submitWith("aoi", F.textNode("everywhere")));
        kinds.add(() -> submitWith("aoi", F.arrayNode().add(sat(-random.nextInt(5), 1)).add(sat(1, 2))));
        kinds.add(() -> submitWith("aoi", F.arrayNode().add(sat(1, 1)).add(sat(4 + random.nextInt(1000), 1))));
        kinds.add(() -> submitWith("aoi", F.arrayNode().add(sat(1, 1)).add(sat(1, 1)).add(sat(2, 2)).add(sat(3, 3))));
        kinds.add(() -> submitWith("aoi", F.arrayNode().add(F.arrayNode().add(1)).add(sat(1, 2))));
        kinds.add(() -> submitWith("aoi", F.arrayNode().add(F.arrayNode().add("a").add("b"))));
        kinds.add(() -> submitWith("aoi", F.arrayNode()));
        kinds.add(() -> submitWith("allocator", F.textNode(random.nextBoolean() ? "greedy" : "")));
        kinds.add(() -> submitWith("allocator", F.numberNode(random.nextInt())));
        kinds.add(() -> submitWith("reducer", sat(random.nextInt(3) - 2, 1)));
        kinds.add(() -> submitWith("reducer", sat(1, 4 + random.nextInt(100))));
        kinds.add(() -> submitWith("reducer", F.textNode("middle")));
        kinds.add(() -> submitWith("reducer", F.numberNode(7)));
        kinds.add(() -> submitWith("collect_task", F.textNode("../../bin/sh")));
        kinds.add(() -> submitWith("map_task", F.textNode("nosuchmapper" + random.nextInt(100))));
        kinds.add(() -> submitWith("reduce_task", F.textNode("x".repeat(101 + random.nextInt(5000)))));
        kinds.add(() -> submitWith("reduce_task", F.numberNode(3)));
        kinds.add(() -> submitWith("max_collect_records", F.numberNode(-random.nextInt(1000))));
        kinds.add(() -> submitWith("max_collect_records", F.numberNode(2_000_000 + random.nextInt(1_000_000))));
        kinds.add(() -> submitWith("max_collect_records", F.textNode("many")));
        kinds.add(() -> submitWith("job_data", F.textNode("sample.txt")));
        kinds.add(() -> submitWith("job_data", F.objectNode().put("filename", traversal[random.nextInt(traversal.length)])));
        kinds.add(() -> submitWith("job_data", F.objectNode().put("filename", random.nextInt())));
        kinds.add(() -> submitWith("seed", F.textNode("lucky")));
        kinds.add(() -> submitWith("timeout", F.numberNode(random.nextBoolean() ? -1.0 : 1e12)));
        kinds.add(() -> submitWith("skip_map", F.textNode("yes")));
        kinds.add(() -> {
            ObjectNode b = valid();
            b.put("skip_map", true);
            b.put("combine_task", "");
            return new Hostile("skip_map without combiner", "POST", "/submit", json(b));
        });
        kinds.add(() -> {
            byte[] whole = json(valid());
            return new Hostile("truncated JSON", "POST", "/submit", java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 2)));
        });
        kinds.add(() -> {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            junk[0] = 'x';
            return new Hostile("random bytes", "POST", random.nextBoolean() ? "/submit" : "/completion", junk);
        });
        kinds.add(() -> new Hostile("not an object", "POST", "/submit", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)));
        kinds.add(() -> new Hostile("empty body", "POST", "/completion", new byte[0]));
        kinds.add(() -> new Hostile("deep nesting", "POST", "/submit", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        kinds.add(() -> new Hostile("oversized", "POST", "/submit", new byte[5 * 1024 * 1024]));
        kinds.add(() -> new Hostile("traversal job id", "POST", "/completion",
                json(F.objectNode().put("jobid", traversal[random.nextInt(traversal.length)]))));
        kinds.add(() -> new Hostile("unknown job id", "POST", "/completion", json(F.objectNode().put("jobid", java.util.UUID.randomUUID().toString()))));
        kinds.add(() -> new Hostile("numeric job id", "POST", "/completion", json(F.objectNode().put("jobid", random.nextInt()))));
        kinds.add(() -> new Hostile("traversal download", "POST", "/download",
                json(F.objectNode().put("jobid", "../" + java.util.UUID.randomUUID()).put("file", traversal[random.nextInt(traversal.length)]))));
        kinds.add(() -> new Hostile("download of an unknown job", "POST", "/download",
                json(F.objectNode().put("jobid", java.util.UUID.randomUUID().toString()).put("file", "merged.bin"))));
        kinds.add(() -> new Hostile("wrong method", random.nextBoolean() ? "GET" : "PUT", "/submit", new byte[0]));
        kinds.add(() -> new Hostile("wrong method", "DELETE", "/completion", new byte[0]));
        kinds.add(() -> new Hostile("wrong method", "POST", "/subscribe", new byte[0]));
        kinds.add(() -> new Hostile("internal path", "POST", random.nextBoolean() ? "/isl" : "/uplink", json(valid())));
        kinds.add(() -> new Hostile("unknown path", random.nextBoolean() ? "GET" : "POST", "/" + Integer.toHexString(random.nextInt()), new byte[0]));
        List<Hostile> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(kinds.get(i < kinds.size() ? i : random.nextInt(kinds.size())).get());
        }
        return out;
    }

    @Test
    void aThousandHostileRequestsAreRefusedAndServiceGoesOn() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI base = bed.constellation.gatewayUri();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Hostile> requests = hostile(new Random(20261130L), 1200);
        for (Hostile h : requests) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(h.path())).timeout(Duration.ofSeconds(30));
            b = h.body().length == 0 && !h.method().equals("POST") ? b.method(h.method(), HttpRequest.BodyPublishers.noBody())
                    : b.method(h.method(), HttpRequest.BodyPublishers.ofByteArray(h.body()));
            HttpResponse<byte[]> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.io.IOException e) {
                // An oversized body may be cut off by the server's refusal mid-upload: that is a refusal too.
                assertTrue(h.what().equals("oversized"), h.what() + ": " + e);
                statuses.merge(413, 1, Integer::sum);
                continue;
            }
            statuses.merge(r.statusCode(), 1, Integer::sum);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, h.what() + " -> HTTP " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
            JsonNode error = Wire.parse(r.body());
            assertTrue(error.hasNonNull("error"), h.what() + " answers {error}: " + error);
        }
        System.out.println("hostile requests by status: " + statuses);
        assertTrue(requests.size() >= 1000);
        // The gateway and the constellation still serve a valid job.
        GatewayClient.Answer a = bed.client.submit(valid());
        assertEquals(200, a.status(), () -> new String(a.body()));
        JsonNode done = bed.client.await(a.json().get("jobid").asText(), Duration.ofSeconds(60));
        assertTrue(done.path("done").asBoolean(), done::toString);
        assertEquals(new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt"))), counts(done.get("result")));
    }

    @Test
    void fieldErrorsNameTheFieldAndTheAllowedValues() throws Exception {
        ObjectNode b = valid();
        b.put("collectors", 9);
        JsonNode e = bed.client.submit(b).json();
        assertEquals("collectors", e.get("field").asText());
        assertTrue(e.get("error").asText().contains("[1, 4]"), e.toString());
        b = valid();
        ((ArrayNode) b.get("aoi")).set(2, sat(1, 9));
        e = bed.client.submit(b).json();
        assertEquals("aoi[2]", e.get("field").asText());
        b = valid();
        b.set("job_data", F.objectNode().put("filename", "../../etc/passwd"));
        GatewayClient.Answer a = bed.client.submit(b);
        assertEquals(400, a.status());
        assertEquals("job_data.filename", a.json().get("field").asText());
    }

    @Test
    void internalEndpointsRefuseStrangers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI isl = bed.constellation.addresses().uri(new SatId(2, 1), "/isl");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(isl).header("X-Isl-Id", "1").header("X-Isl-Kind", "message")
                .header("X-Isl-Path", "1.1;2.1").header("X-Isl-Hop", "1").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        URI uplink = bed.constellation.addresses().uri(new SatId(1, 1), "/uplink");
        r = http.send(HttpRequest.newBuilder(uplink).header(IslKey.HEADER, "guess").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        URI downlink = bed.constellation.downlinkUri();
        r = http.send(HttpRequest.newBuilder(downlink).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
    }

    @Test
    void finishedJobsSurviveAGatewayRestart() throws Exception {
        JobRequest files = wordCount(3, 1, 3, 9, "lapjv", "center", 2, "corpus.txt")
                .withTasks("testfilecollector", "", "testinvertmapper", "testconcatreducer", false);
        String fileJob = bed.client.submit(files.body()).json().get("jobid").asText();
        String countJob = bed.client.submit(valid()).json().get("jobid").asText();
        JsonNode fileDone = bed.client.await(fileJob, Duration.ofSeconds(60));
        JsonNode countDone = bed.client.await(countJob, Duration.ofSeconds(60));
        assertTrue(fileDone.path("done").asBoolean() && countDone.path("done").asBoolean());
        byte[] file = bed.client.download(fileJob, "merged.bin").body();

        bed.constellation.restartGateway();

        assertEquals(countDone, bed.client.completion(countJob).json());
        assertEquals(fileDone, bed.client.completion(fileJob).json());
        GatewayClient.Answer again = bed.client.download(fileJob, "merged.bin");
        assertEquals(200, again.status());
        assertTrue(java.util.Arrays.equals(file, again.body()));
        // and the restarted gateway serves new jobs
        String next = bed.client.submit(valid()).json().get("jobid").asText();
        assertTrue(bed.client.await(next, Duration.ofSeconds(60)).path("done").asBoolean());
    }
}
