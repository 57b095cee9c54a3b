package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.wire.Wire;
import io.spacecomp.sim.TestData;
import io.spacecomp.testtasks.FileTasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word counts through a live 3×3 constellation (every plane in this JVM, real HTTP hops on loopback). */
class EmulatedWordCountTest {

    static final List<String> ALLOCATORS = List.of("random", "eager", "bipartite", "lapjv");
    static final List<String> REDUCERS = List.of("los", "center", "median");

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

    static List<String> toList(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Submits every job, then waits for each: they run concurrently. Returns the completions in order. */
    static List<JsonNode> runAll(GatewayClient c, List<JobRequest> jobs, Duration timeout) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JobRequest j : jobs) {
            GatewayClient.Answer a = c.submit(j.body());
            assertEquals(200, a.status(), () -> new String(a.body()));
            ids.add(a.json().get("jobid").asText());
        }
        List<JsonNode> out = new ArrayList<>();
        for (String id : ids) {
            out.add(c.await(id, timeout));
        }
        return out;
    }

    @Test
    void everyAllocatorReducerAndBatchSizeCountsLikeOneProcess() throws Exception {
        Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt")));
        List<JobRequest> jobs = new ArrayList<>();
        long seed = 1;
        for (String allocator : ALLOCATORS) {
            for (String reducer : REDUCERS) {
                for (int mr : new int[] {1, 10, 1024}) {
                    jobs.add(wordCount(4, 1, 3, seed++, allocator, reducer, mr, "corpus.txt"));
                }
            }
        }
        List<JsonNode> done = runAll(bed.client, jobs, Duration.ofSeconds(120));
        for (int i = 0; i < jobs.size(); i++) {
            JsonNode d = done.get(i);
            JobRequest j = jobs.get(i);
            String what = j.allocator() + "/" + j.reducer() + "/mr=" + j.maxCollectRecords() + ": " + d;
            assertTrue(d.path("done").asBoolean(), what);
            assertEquals(expected, counts(d.get("result")), what);
            assertTrue(d.get("job_time").asDouble() > 0, what);
        }
    }

    @Test
    void leopymrsOwnRequestBodyWorks() throws Exception {
        // Exactly what job.py posts: the reducer as a satellite, a combine_task that does not mean skip-map, no seed.
        String body = "{\"collectors\": 3, \"aoi\": [[1, 1], [2, 3], [3, 2], [1, 2], [2, 2], [3, 3], [1, 3]], "
                + "\"allocator\": \"bipartite\", \"collect_task\": \"doccollector\", \"combine_task\": \"mergecombiner\", "
                + "\"map_task\": \"wordcountmapper\", \"reduce_task\": \"sumreducer\", \"max_collect_records\": 1024, "
                + "\"job_data\": {\"filename\": \"data/corpus.txt\"}, \"reducer\": [2, 2]}";
        GatewayClient.Answer a = bed.client.post("/submit", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, a.status(), () -> new String(a.body()));
        JsonNode plan = a.json();
        // leopymr's fields, in its order, and ours after them: the seed (drawn, as none was sent)
        assertEquals(List.of("jobid", "los", "reducer", "allocator", "allocations", "distance", "reduce_distance", "seed"),
                toList(plan.fieldNames()));
        assertEquals("[2,2]", plan.get("reducer").toString());
        assertEquals("[1,1]", plan.get("los").toString());
        assertEquals(3, plan.get("allocations").size());
        JsonNode done = bed.client.await(plan.get("jobid").asText(), Duration.ofSeconds(60));
        assertTrue(done.path("done").asBoolean(), done::toString);
        assertEquals(new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt"))), counts(done.get("result")));
    }

    @Test
    void combinerPathSkipsTheMappersAndCountsTheSame() throws Exception {
        JobRequest j = wordCount(4, 1, 3, 5, "bipartite", "center", 7, "corpus.txt");
        ObjectNode body = j.withTasks("linecountingcollector", "mergecombiner", "nosuchmapper", j.reduceTask(), true).body();
        GatewayClient.Answer a = bed.client.submit(body);
        assertEquals(200, a.status(), () -> new String(a.body()));
        JsonNode d = bed.client.await(a.json().get("jobid").asText(), Duration.ofSeconds(60));
        assertTrue(d.path("done").asBoolean(), d.toString()); // the map task is never looked up on this path
        assertEquals(new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt"))), counts(d.get("result")));
    }

    @Test
    void fileResultsComeBackByDownload() throws Exception {
        JobRequest files = wordCount(3, 1, 3, 9, "lapjv", "center", 2, "corpus.txt")
                .withTasks("testfilecollector", "", "testinvertmapper", "testconcatreducer", false);
        GatewayClient.Answer a = bed.client.submit(files.body());
        assertEquals(200, a.status(), () -> new String(a.body()));
        String id = a.json().get("jobid").asText();
        JsonNode d = bed.client.await(id, Duration.ofSeconds(60));
        assertTrue(d.path("done").asBoolean(), d.toString());
        assertEquals("merged.bin", d.get("result").get("files").get(0).asText());
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (int dataId = 1; dataId <= 3; dataId++) {
            for (int n = 0; n < 3; n++) {
                byte[] b = FileTasks.content(dataId, n);
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) ~b[i];
                }
                want.writeBytes(b);
            }
        }
        GatewayClient.Answer file = bed.client.download(id, "merged.bin");
        assertEquals(200, file.status());
        assertArrayEquals(want.toByteArray(), file.body());
        assertTrue(file.contentDisposition().contains("attachment") && file.contentDisposition().contains("merged.bin"));
        assertEquals(404, bed.client.download(id, "other.bin").status());
        assertEquals(400, bed.client.download("../../etc", "passwd").status());
    }

    @Test
    void theBuiltInWordCountFileReducerReturnsACsvServedByDownload() throws Exception {
        JobRequest j = wordCount(4, 1, 3, 11, "bipartite", "center", 5, "corpus.txt");
        ObjectNode data = Wire.object().put("filename", "corpus.txt").put("output", "counts.csv");
        JobRequest csv = new JobRequest(j.collectors(), j.minSat(), j.maxSat(), j.seed(), j.allocator(), j.reducer(), j.collectTask(),
                j.combineTask(), j.mapTask(), "wordcountfile", j.maxCollectRecords(), data, false);
        GatewayClient.Answer a = bed.client.submit(csv.body());
        assertEquals(200, a.status(), () -> new String(a.body()));
        String id = a.json().get("jobid").asText();
        JsonNode d = bed.client.await(id, Duration.ofSeconds(60));
        assertTrue(d.path("done").asBoolean(), d.toString());
        assertEquals("{\"files\":[\"counts.csv\"]}", d.get("result").toString());
        GatewayClient.Answer file = bed.client.download(id, "counts.csv");
        assertEquals(200, file.status());
        // The CSV read back with a CSV reader: the single-process count, most frequent first.
        Map<String, Long> want = TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt"));
        var rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerForListOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(file.body()).readAll();
        assertEquals(List.of("word", "count"), rows.get(0));
        Map<String, Long> got = new TreeMap<>();
        long previous = Long.MAX_VALUE;
        for (List<String> row : rows.subList(1, rows.size())) {
            long count = Long.parseLong(row.get(1));
            assertTrue(count <= previous, "most frequent first: " + row);
            previous = count;
            assertEquals(null, got.put(row.get(0), count), "each word once: " + row);
        }
        assertEquals(new TreeMap<>(want), got);
        assertEquals(404, bed.client.download(id, "wordcount.csv").status());
    }

    @Test
    void aTaskThatThrowsFailsTheJobWithTheReason() throws Exception {
        JobRequest bad = wordCount(3, 1, 3, 3, "bipartite", "los", 10, "corpus.txt")
                .withTasks("doccollector", "", "testthrowingmapper", "sumreducer", false);
        GatewayClient.Answer a = bed.client.submit(bad.body());
        assertEquals(200, a.status(), () -> new String(a.body()));
        JsonNode d = bed.client.await(a.json().get("jobid").asText(), Duration.ofSeconds(60));
        assertTrue(d.path("done").asBoolean(), d.toString()); // finished, though failed
        assertTrue(d.path("failed").asBoolean(), d.toString());
        assertTrue(d.get("error").asText().contains("sensor offline"), d.toString());
    }

    @Test
    void anUnknownTaskIsRefusedNamingTheField() throws Exception {
        JobRequest bad = wordCount(3, 1, 3, 3, "bipartite", "los", 10, "corpus.txt")
                .withTasks("doccollector", "", "nosuchmapper", "sumreducer", false);
        GatewayClient.Answer a = bed.client.submit(bad.body());
        assertEquals(400, a.status(), () -> new String(a.body()));
        assertEquals("map_task", a.json().get("field").asText());
        assertTrue(a.json().get("error").asText().contains("nosuchmapper"));
    }
}
