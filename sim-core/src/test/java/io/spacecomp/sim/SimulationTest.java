package io.spacecomp.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.orbit.aoi.GridArea;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobPlan;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.testtasks.FileTasks;
import io.spacecomp.trace.JsonLinesTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {

    private static final WalkerShell SHELL = WalkerShell.paperDefault(11, 11);
    private static final SatId LOS = new SatId(1, 1);
    private static Map<String, Long> expected;

    @BeforeAll
    static void countInOneProcess() throws Exception {
        expected = new TreeMap<>(TestData.singleProcessCount(TestData.dataDir().resolve(TestData.fileName())));
        // The figures data/README.md states for the project's own corpus.
        assertEquals(TestData.SAMPLE_KEYS, expected.size());
        assertEquals(TestData.SAMPLE_TOTAL, expected.values().stream().mapToLong(Long::longValue).sum());
    }

    /** An extra input, only where a checkout has the reference corpus ../shared/data/sample.txt beside it. */
    @Test
    void theReferenceCorpusBesideTheCheckoutWhenPresent() throws Exception {
        java.util.Optional<java.nio.file.Path> shared = TestData.sharedSample();
        org.junit.jupiter.api.Assumptions.assumeTrue(shared.isPresent(), "no ../shared/data/sample.txt beside the checkout");
        Map<String, Long> reference = new TreeMap<>(TestData.singleProcessCount(shared.get()));
        assertEquals(TestData.SHARED_SAMPLE_KEYS, reference.size());
        assertEquals(TestData.SHARED_SAMPLE_TOTAL, reference.values().stream().mapToLong(Long::longValue).sum());
        Simulation sim = new Simulation(SimulationConfig.defaults(new CircularOrbitGeometry(SHELL),
                new DataFiles(shared.get().getParent()), 42));
        JobOutcome o = sim.run(List.of(JobSpec.wordCount("reference", 15, aoi(42), "bipartite", "center", 1024,
                shared.get().getFileName().toString(), 42)), LOS).get(0);
        assertTrue(o.done(), () -> "job failed: " + o.error());
        assertEquals(reference, counts(o.result().value()));
    }

    private static SimulationConfig config(long seed) {
        return SimulationConfig.defaults(new CircularOrbitGeometry(SHELL), new DataFiles(TestData.dataDir()), seed);
    }

    private static List<SatId> aoi(long seed) {
        return GridArea.shuffled(3, 8, 11, 11, seed);
    }

    private static Map<String, Long> counts(JsonNode result) {
        Map<String, Long> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asLong());
        }
        return m;
    }

    private static void assertExact(JobOutcome o) {
        assertTrue(o.done(), () -> "job failed: " + o.error());
        assertNull(o.error());
        assertEquals(expected, counts(o.result().value()));
    }

    static Stream<Arguments> everyAllocatorReducerAndBatchSize() {
        List<Arguments> args = new ArrayList<>();
        for (String allocator : List.of("random", "eager", "bipartite", "lapjv")) {
            for (String reducer : List.of("los", "center", "median")) {
                for (int max : new int[] {1, 10, 1024}) {
                    args.add(Arguments.of(allocator, reducer, max));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} / {1} / max_collect_records {2}")
    @MethodSource("everyAllocatorReducerAndBatchSize")
    void wordCountEqualsTheSingleProcessCount(String allocator, String reducer, int maxCollect) {
        Simulation sim = new Simulation(config(42));
        JobSpec spec = JobSpec.wordCount("job-1", 15, aoi(42), allocator, reducer, maxCollect, TestData.fileName(), 42);
        List<JobOutcome> out = sim.run(List.of(spec), LOS);
        assertEquals(1, out.size());
        JobOutcome o = out.get(0);
        assertExact(o);
        assertEquals(15, o.allocations().size());
        Set<SatId> mappers = new HashSet<>();
        for (JobPlan.Allocation a : o.allocations()) {
            mappers.add(a.mapper());
        }
        assertEquals(15, mappers.size(), "each collector has its own mapper");
        assertTrue(o.jobTimeS() > 0);
        assertTrue(o.distance() >= 15, "15 collector→mapper paths of at least one hop");
    }

    @Test
    void concurrentJobsOnAReorderingNetworkAreEachExact() {
        Simulation sim = new Simulation(config(7).withJitter(0.02));
        List<JobSpec> jobs = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            jobs.add(JobSpec.wordCount("job-" + j, 3 + 2 * j, aoi(100 + j), j % 2 == 0 ? "bipartite" : "random",
                    j % 3 == 0 ? "los" : "center", 1 + 50 * j, TestData.fileName(), j));
        }
        List<JobOutcome> out = sim.run(jobs, LOS);
        assertEquals(6, out.size());
        for (JobOutcome o : out) {
            assertExact(o);
        }
    }

    @Test
    void skipMapWithACombinerGoesStraightToTheReducer() {
        Simulation sim = new Simulation(config(3));
        JobSpec spec = JobSpec.wordCount("combine", 10, aoi(3), "lapjv", "center", 100, TestData.fileName(), 3)
                .withTasks("linecountingcollector", "", "mergecombiner", "sumreducer");
        JobOutcome o = sim.run(List.of(spec), LOS).get(0);
        assertExact(o);
    }

    @Test
    void attachmentsTravelWithTheirRecords() {
        Simulation sim = new Simulation(config(5));
        JobSpec spec = JobSpec.wordCount("files", 4, aoi(5), "bipartite", "center", 2, TestData.fileName(), 5)
                .withTasks("testfilecollector", "testinvertmapper", "", "testconcatreducer");
        JobOutcome o = sim.run(List.of(spec), LOS).get(0);
        assertTrue(o.done(), () -> o.error());
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (int id = 1; id <= 4; id++) {
            for (int n = 0; n < 3; n++) {
                byte[] b = FileTasks.content(id, n);
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) ~b[i];
                }
                want.writeBytes(b);
            }
        }
        assertEquals("merged.bin", o.result().attachment().name());
        assertArrayEquals(want.toByteArray(), o.result().attachment().bytes());
        assertEquals(12, o.result().value().get("parts").asInt());
    }

    @Test
    void unknownTaskFailsWithTheReason() {
        Simulation sim = new Simulation(config(1));
        JobSpec spec = JobSpec.wordCount("bad", 3, aoi(1), "bipartite", "los", 10, TestData.fileName(), 1)
                .withTasks("doccollector", "nosuchmapper", "", "sumreducer");
        JobOutcome o = sim.run(List.of(spec), LOS).get(0);
        assertFalse(o.done());
        assertTrue(o.error().contains("unknown map_task 'nosuchmapper'"), o.error());
    }

    @Test
    void taskExceptionFailsTheJobNamingTheSatellite() {
        Simulation sim = new Simulation(config(1));
        JobSpec spec = JobSpec.wordCount("throws", 3, aoi(1), "bipartite", "los", 10, TestData.fileName(), 1)
                .withTasks("doccollector", "testthrowingmapper", "", "sumreducer");
        JobOutcome o = sim.run(List.of(spec), LOS).get(0);
        assertFalse(o.done());
        assertTrue(o.error().contains("sensor offline") && o.error().contains("map failed on ("), o.error());
    }

    @Test
    void unreachableMapperFailsTheJobNamingIt() {
        Simulation sim = new Simulation(config(9));
        List<SatId> aoi = aoi(9);
        // Every candidate mapper is down: whichever the allocator picks is unreachable.
        for (SatId s : aoi.subList(5, 10)) {
            sim.network().setDown(s, true);
        }
        JobSpec spec = JobSpec.wordCount("down", 5, aoi, "bipartite", "los", 100, TestData.fileName(), 9);
        JobOutcome o = sim.run(List.of(spec), LOS).get(0);
        assertFalse(o.done());
        assertTrue(o.error().contains("unreachable"), o.error());
        boolean namesOne = aoi.subList(5, 10).stream().anyMatch(s -> o.error().contains(s.toString()));
        assertTrue(namesOne, o.error());
    }

    @Test
    void deadlineFailsAJobThatCannotFinishInTime() {
        Simulation sim = new Simulation(config(2));
        JobSpec spec = JobSpec.wordCount("late", 5, aoi(2), "bipartite", "center", 1, TestData.fileName(), 2).withTimeout(0.001);
        JobOutcome o = sim.run(List.of(spec), LOS).get(0);
        assertFalse(o.done());
        assertTrue(o.error().startsWith("deadline passed"), o.error());
        assertEquals(0.001, o.jobTimeS(), 1e-12);
    }

    @Test
    void badPlanFailsWithTheField() {
        Simulation sim = new Simulation(config(2));
        JobSpec spec = JobSpec.wordCount("big", 20, aoi(2), "bipartite", "center", 1, TestData.fileName(), 2);
        JobOutcome o = sim.run(List.of(spec), LOS).get(0);
        assertFalse(o.done());
        assertTrue(o.error().contains("collectors must be <= aoi size / 2 = 18"), o.error());
    }

    private static String traceOf(long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLinesTrace trace = new JsonLinesTrace(bytes);
        Simulation sim = new Simulation(config(seed).withJitter(0.01).withTrace(trace));
        List<JobSpec> jobs = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            jobs.add(JobSpec.wordCount("j" + j, 6, aoi(seed + j), "random", "center", 200, TestData.fileName(), seed + j));
        }
        for (JobOutcome o : sim.run(jobs, LOS)) {
            assertExact(o);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void sameSeedSameTraceEvenInParallelThreads() throws Exception {
        String first = traceOf(11);
        assertEquals(3, first.lines().filter(l -> l.contains("\"type\":\"job_done\"")).count(), "one job_done per job");
        assertTrue(first.lines().filter(l -> l.contains("\"type\":\"hop\"")).count()
                >= first.lines().filter(l -> l.contains("\"type\":\"delivered\"")).count(), "every delivery took hops");
        assertEquals(first, traceOf(11));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long seed = i % 2 == 0 ? 11 : 12;
                runs.add(pool.submit(() -> traceOf(seed)));
            }
            String other = traceOf(12);
            for (int i = 0; i < 4; i++) {
                assertEquals(i % 2 == 0 ? first : other, runs.get(i).get());
            }
            assertFalse(first.equals(other), "another seed gives another trace");
        } finally {
            pool.shutdownNow();
        }
    }
}
