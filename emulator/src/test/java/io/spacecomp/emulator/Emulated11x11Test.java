package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobPlan;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.sim.TestData;
import io.spacecomp.tasks.DataFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.spacecomp.emulator.EmulatedWordCountTest.ALLOCATORS;
import static io.spacecomp.emulator.EmulatedWordCountTest.REDUCERS;
import static io.spacecomp.emulator.EmulatedWordCountTest.counts;
import static io.spacecomp.emulator.EmulatedWordCountTest.runAll;
import static io.spacecomp.emulator.EmulatedWordCountTest.wordCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference client's default job (11 collectors in the grid [3, 8) of an 11×11 shell) on the project's
 * {@code data/sample.txt} (45,259 keys summing to 251,946, as data/README.md states).
 */
class Emulated11x11Test {

    @TempDir
    static Path results;

    /** The satellites' data directory: the project's sample.txt and corpus.txt. */
    @TempDir
    static Path data;

    static Testbed bed;
    static Map<String, Long> expected;

    @BeforeAll
    static void up() throws Exception {
        java.nio.file.Files.copy(TestData.dataDir().resolve(TestData.fileName()), data.resolve(TestData.fileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.Files.copy(TestData.projectRoot().resolve("data/corpus.txt"), data.resolve("corpus.txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        bed = Testbed.start(11, 11, results, data);
        expected = new TreeMap<>(TestData.singleProcessCount(TestData.dataDir().resolve(TestData.fileName())));
        assertEquals(TestData.SAMPLE_KEYS, expected.size());
        assertEquals(TestData.SAMPLE_TOTAL, expected.values().stream().mapToLong(Long::longValue).sum());
    }

    @AfterAll
    static void down() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void everyAllocatorAndReducerWithBatchesOf1024And10() throws Exception {
        List<JobRequest> jobs = new ArrayList<>();
        long seed = 100;
        for (int mr : new int[] {1024, 10}) {
            for (String allocator : ALLOCATORS) {
                for (String reducer : REDUCERS) {
                    jobs.add(wordCount(11, 3, 8, seed++, allocator, reducer, mr, TestData.fileName()));
                }
            }
        }
        List<JsonNode> done = runAll(bed.client, jobs, Duration.ofSeconds(300));
        for (int i = 0; i < jobs.size(); i++) {
            JobRequest j = jobs.get(i);
            String what = j.allocator() + "/" + j.reducer() + "/mr=" + j.maxCollectRecords();
            assertTrue(done.get(i).path("done").asBoolean(), what + ": " + done.get(i));
            assertEquals(expected, counts(done.get(i).get("result")), what);
        }
    }

    @Test
    void recordByRecordBatches() throws Exception {
        JsonNode done = runAll(bed.client, List.of(wordCount(11, 3, 8, 5, "lapjv", "center", 1, TestData.fileName())),
                Duration.ofSeconds(300)).get(0);
        assertTrue(done.path("done").asBoolean(), done::toString);
        assertEquals(expected, counts(done.get("result")));
    }

    @Test
    void tenConcurrentJobsAndExactlyOneEventEach() throws Exception {
        Map<String, Integer> events = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<JsonNode> received = new ConcurrentLinkedQueue<>();
        CountDownLatch open = new CountDownLatch(1);
        CompletableFuture<Void> stream = bed.client.subscribe(open::countDown, data -> {
            events.merge(data.path("meta_data").path("jobid").asText(), 1, Integer::sum);
            received.add(data);
        });
        assertTrue(open.await(10, TimeUnit.SECONDS), "the SSE stream opens");
        List<JobRequest> jobs = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            jobs.add(wordCount(11, 3, 8, 1000 + k, ALLOCATORS.get(k % 4), REDUCERS.get(k % 3), 1024, TestData.fileName()));
        }
        List<String> ids = new ArrayList<>();
        for (JobRequest j : jobs) {
            ids.add(bed.client.submit(j.body()).json().get("jobid").asText());
        }
        for (String id : ids) {
            JsonNode d = bed.client.await(id, Duration.ofSeconds(300));
            assertTrue(d.path("done").asBoolean(), d::toString);
            assertEquals(expected, counts(d.get("result")));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.size() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // room for a wrongly repeated event to show up
        stream.cancel(true);
        for (String id : ids) {
            assertEquals(1, events.getOrDefault(id, 0), "events for job " + id);
        }
        for (JsonNode e : received) {
            if (ids.contains(e.path("meta_data").path("jobid").asText())) {
                assertEquals(expected, counts(e.get("result")));
                assertTrue(e.get("job_time").asDouble() > 0);
            }
        }
    }

    @Test
    void aHundredConcurrentJobsAllExactWithAHundredEvents() throws Exception {
        Map<String, Long> corpus = new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt")));
        Map<String, Integer> events = new ConcurrentHashMap<>();
        CountDownLatch open = new CountDownLatch(1);
        CompletableFuture<Void> stream = bed.client.subscribe(open::countDown,
                data -> events.merge(data.path("meta_data").path("jobid").asText(), 1, Integer::sum));
        assertTrue(open.await(10, TimeUnit.SECONDS));
        List<JobRequest> jobs = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            jobs.add(wordCount(11, 3, 8, 5000 + k, ALLOCATORS.get(k % 4), REDUCERS.get(k % 3), 1 + k % 20, "corpus.txt"));
        }
        long t0 = System.nanoTime();
        List<JsonNode> done = runAll(bed.client, jobs, Duration.ofSeconds(300));
        System.out.printf("100 concurrent jobs on 11x11: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (JsonNode d : done) {
            assertTrue(d.path("done").asBoolean(), d::toString);
            assertEquals(corpus, counts(d.get("result")));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.values().stream().mapToInt(Integer::intValue).sum() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        stream.cancel(true);
        for (JsonNode d : done) {
            assertEquals(1, events.getOrDefault(d.get("jobid").asText(), 0));
        }
        assertEquals(100, events.values().stream().mapToInt(Integer::intValue).sum(), "exactly 100 SSE events");
    }

    @Test
    void sameJobSameSeedPlansAndCountsAsTheSimulator() throws Exception {
        for (String allocator : List.of("random", "bipartite", "lapjv")) {
            JobRequest j = wordCount(11, 3, 8, 42, allocator, "center", 1024, TestData.fileName());
            JsonNode accepted = bed.client.submit(j.body()).json();
            JsonNode done = bed.client.await(accepted.get("jobid").asText(), Duration.ofSeconds(120));

            Simulation sim = new Simulation(SimulationConfig.defaults(new CircularOrbitGeometry(bed.shell),
                    new DataFiles(TestData.dataDir()), 42));
            JobOutcome o = sim.run(List.of(JobSpec.wordCount("sim", 11, j.aoi(), allocator, "center", 1024, TestData.fileName(), 42)),
                    new SatId(1, 1)).get(0);
            assertTrue(o.done(), o::error);
            List<List<SatId>> simAllocations = new ArrayList<>();
            for (JobPlan.Allocation a : o.allocations()) {
                simAllocations.add(List.of(a.collector(), a.mapper()));
            }
            List<List<SatId>> emuAllocations = new ArrayList<>();
            for (JsonNode pair : accepted.get("allocations")) {
                emuAllocations.add(List.of(Wire.sat(pair.get(0), "c"), Wire.sat(pair.get(1), "m")));
            }
            assertEquals(simAllocations, emuAllocations, allocator);
            assertEquals(o.distance(), accepted.get("distance").asInt(), allocator);
            assertEquals(o.reduceDistance(), accepted.get("reduce_distance").asInt(), allocator);
            assertEquals(o.reducer(), Wire.sat(accepted.get("reducer"), "reducer"), allocator);
            assertEquals(counts(o.result().value()), counts(done.get("result")), allocator);
        }
    }
}
