package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.emulator.wire.Wire;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmulatedWordCountTest {

    @TempDir
    static Path results;

    static Testbed bed;

    @BeforeAll
    static void up() throws Exception {
        bed = Testbed.start(3, 3, results);
    }

    @AfterAll
    static void down() {
        if (bed != null) {
            bed.close();
        }
    }

    static JobRequest wordCount(int collectors, int minSat, int maxSat, long seed, String allocator, String reducer, int maxRecords,
                                String file) {
        ObjectNode data = Wire.object();
        data.put("filename", file);
        return new JobRequest(collectors, minSat, maxSat, seed, allocator, reducer, "doccollector", "mergecombiner",
                "wordcountmapper", "sumreducer", maxRecords, data, false);
    }

    static Map<String, Long> counts(JsonNode result) {
        Map<String, Long> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asLong());
        }
        return m;
    }

    @Test
    void oneJobCountsLikeOneProcess() throws Exception {
        GatewayClient c = bed.client;
        GatewayClient.Answer a = c.submit(wordCount(4, 1, 4, 7, "bipartite", "center", 1024, TestData.fileName()).body());
        assertEquals(200, a.status(), new String(a.body()));
        String id = a.json().get("jobid").asText();
        long t0 = System.nanoTime();
        JsonNode done = c.await(id, Duration.ofSeconds(60));
        System.out.println("job_time " + done.path("job_time") + " wall " + (System.nanoTime() - t0) / 1e6 + " ms");
        assertTrue(done.get("done").asBoolean(), done.toString());
        Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(TestData.dataDir().resolve(TestData.fileName())));
        assertEquals(expected, counts(done.get("result")));
    }
}
