package io.spacecomp.sim.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.orbit.aoi.GridArea;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.Replan;
import io.spacecomp.protocol.SatelliteNode;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.trace.JsonLinesTrace;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fault kind in simulation, with the emulator's hop semantics, and jobs that fail or re-plan. */
class FaultSimulationTest {

    private static final WalkerShell SHELL = WalkerShell.paperDefault(11, 11);
    private static final CircularOrbitGeometry GEOMETRY = new CircularOrbitGeometry(SHELL);
    private static final DataFiles DATA = new DataFiles(Path.of("..", "data"));
    private static final SatId LOS = new SatId(1, 1);
    /** A fixed reducer outside the AOI [3, 8]². */
    private static final SatId REDUCER = new SatId(10, 10);
    private static final double TIMEOUT_S = 60.0;
    private static final long SEED = 7;

    private static JsonNode reference;
    private static JobOutcome faultFree;

    @BeforeAll
    static void faultFreeRun() {
        faultFree = new Simulation(config(FaultPlan.NONE)).run(List.of(job("job", FailurePolicy.FAIL)), LOS).get(0);
        assertTrue(faultFree.done(), faultFree.error());
        reference = faultFree.result().value();
        assertEquals(327, reference.size()); // data/corpus.txt: 327 distinct words
    }

    private static SimulationConfig config(FaultPlan plan) {
        return SimulationConfig.defaults(GEOMETRY, DATA, SEED).withFaults(plan);
    }

    private static JobSpec job(String id, FailurePolicy policy) {
        List<SatId> aoi = GridArea.shuffled(3, 8, 11, 11, SEED);
        return JobSpec.wordCount(id, 6, aoi, "bipartite", REDUCER.sat() + "," + REDUCER.orb(), 8, "corpus.txt", SEED)
                .withTimeout(TIMEOUT_S).withOnFailure(policy);
    }

    private static JobOutcome runOne(FaultPlan plan, FailurePolicy policy) {
        Simulation sim = new Simulation(config(plan));
        sim.submit(job("job", policy), LOS, 0.01);
        return sim.run().get(0);
    }

    private static FaultPlan schedule(FaultEvent... events) {
        return FaultPlan.of(List.of(events), RandomFaults.NONE);
    }

    private static FaultPlan random(RandomFaults r, int hopAttempts) {
        return new FaultPlan(List.of(), r, hopAttempts, FaultPlan.DEFAULT_HOP_TIMEOUT_S);
    }

    private static void assertExact(JobOutcome o) {
        assertTrue(o.done(), o.error());
        assertEquals(reference, o.result().value());
    }

    @Test
    void aHopToASatelliteDownForLessThanTheRetriesIsDeliveredWhenItIsBack() {
        // down from 0.02 s, after the job was planned at 0.01 s, while its first messages travel
        JobOutcome o = runOne(schedule(new FaultEvent.SatelliteDown(0.02, List.of(REDUCER), 1.5, Outage.DOWN)), FailurePolicy.FAIL);
        assertExact(o);
        assertTrue(o.jobTimeS() > 1.5 && o.jobTimeS() < 3.0, "job time " + o.jobTimeS());
        assertTrue(o.replans().isEmpty());
    }

    @Test
    void aReducerThatCrashesMidJobFailsTheJobNamingItBeforeTheDeadline() {
        assertTrue(faultFree.jobTimeS() > 0.1, "the crash at 0.1 s falls mid-job: " + faultFree.jobTimeS());
        JobOutcome o = runOne(schedule(new FaultEvent.SatelliteDown(0.1, List.of(REDUCER), Double.POSITIVE_INFINITY,
                Outage.CRASH)), FailurePolicy.FAIL);
        assertFalse(o.done());
        assertTrue(o.error().contains(REDUCER.toString()) && (o.error().contains("crashed") || o.error().contains("unreachable")),
                o.error());
        assertTrue(o.jobTimeS() < TIMEOUT_S, "failed before the deadline: " + o.jobTimeS());
    }

    @Test
    void aReducerThatCrashesMidJobMovesToTheNextPlacementAndTheResultStaysExact() {
        JobOutcome o = runOne(schedule(new FaultEvent.SatelliteDown(0.1, List.of(REDUCER), Double.POSITIVE_INFINITY,
                Outage.CRASH)), FailurePolicy.REPLAN);
        assertExact(o);
        Replan r = o.replans().get(0);
        assertEquals(Replan.Role.REDUCER, r.role());
        assertEquals(REDUCER, r.from());
        assertEquals(1, SHELL.torus().hops(REDUCER, r.to()), "the next placement is the usable satellite nearest the lost one");
        assertEquals(r.to(), o.reducer());
        assertTrue(r.reason().contains("crashed"), r.reason());
        assertTrue(o.jobTimeS() < TIMEOUT_S);
    }

    @Test
    void aMapperThatCrashesMovesToASpareOfTheAoiAndComesBackEmpty() {
        SatId mapper = faultFree.allocations().get(0).mapper();
        Simulation sim = new Simulation(config(schedule(new FaultEvent.SatelliteDown(0.05, List.of(mapper),
                Double.POSITIVE_INFINITY, Outage.CRASH))));
        SatelliteNode lost = sim.node(mapper);
        sim.submit(job("job", FailurePolicy.REPLAN), LOS, 0.01);
        JobOutcome o = sim.run().get(0);
        assertExact(o);
        assertTrue(lost.retained().isEmpty(), "the crash dropped its state: " + lost.retained());
        Replan r = o.replans().get(0);
        assertEquals(Replan.Role.MAPPER, r.role());
        assertEquals(1, r.dataId());
        assertEquals(mapper, r.from());
        assertTrue(job("job", FailurePolicy.REPLAN).aoi().contains(r.to()), "a spare of the AOI: " + r.to());
        assertTrue(faultFree.allocations().stream().noneMatch(a -> a.collector().equals(r.to()) || a.mapper().equals(r.to())));

        // down for 2 s only: the hops retry until it is back, as a new, empty node
        Simulation again = new Simulation(config(schedule(new FaultEvent.SatelliteDown(0.05, List.of(mapper), 2.0, Outage.CRASH))));
        SatelliteNode before = again.node(mapper);
        again.submit(job("job", FailurePolicy.REPLAN), LOS, 0.01);
        assertExact(again.run().get(0));
        assertNotSame(before, again.node(mapper), "the crashed satellite came back as a new, empty node");
    }

    @Test
    void aLostPlaneMakesTheReducerUnreachableAfterTheRetriesWithTimePassing() {
        JobOutcome o = runOne(schedule(new FaultEvent.PlaneDown(0.02, REDUCER.orb(), 100.0, Outage.DOWN)), FailurePolicy.FAIL);
        assertFalse(o.done());
        assertTrue(o.error().contains("satellite " + REDUCER + " unreachable") && o.error().contains("3 attempts"), o.error());
        assertTrue(o.jobTimeS() >= 3 * FaultPlan.DEFAULT_HOP_TIMEOUT_S && o.jobTimeS() < TIMEOUT_S, "job time " + o.jobTimeS());
    }

    @Test
    void aPartitionCutsTheReducerOffAndARePlanFindsOneOnTheCoordinatorsSide() {
        FaultPlan cut = schedule(new FaultEvent.Partition(0.02, List.of(9, 10, 11), 100.0));
        JobOutcome failed = runOne(cut, FailurePolicy.FAIL);
        assertFalse(failed.done());
        assertTrue(failed.error().contains(REDUCER + " unreachable") && failed.error().contains("after 3 attempts"), failed.error());
        // with the shortest router: a minimal-hop one cannot reach planes 7-8 from the coordinator in plane 1 but
        // through planes 9-11, and would end in a named failure (no spare, or the deadline)
        SimulationConfig d = config(cut);
        Simulation sim = new Simulation(new SimulationConfig(GEOMETRY, "shortest", d.routeOptions(), d.costKind(),
                d.costModel(), d.processing(), d.linkRate(), DATA, d.tasks(), SEED, 0.0, TraceSink.NONE, cut));
        sim.submit(job("job", FailurePolicy.REPLAN), LOS, 0.01);
        JobOutcome replanned = sim.run().get(0);
        assertExact(replanned);
        assertTrue(replanned.reducer().orb() < 9, "the reducer moved out of planes 9-11: " + replanned.reducer());
    }

    @Test
    void downLinksAreRoutedAround() {
        SatId collector = faultFree.allocations().get(0).collector();
        List<SatId> neighbours = SHELL.torus().neighbours(collector);
        List<LinkId> down = new ArrayList<>();
        for (SatId n : neighbours.subList(0, 3)) {
            down.add(new LinkId(collector, n)); // three of its four links: its batches leave over the fourth
        }
        TraceCount count = new TraceCount();
        SimulationConfig d = config(FaultPlan.NONE);
        // the shortest router goes around; a minimal-hop one would find the direct link to its mapper blocked
        Simulation sim = new Simulation(new SimulationConfig(GEOMETRY, "shortest", d.routeOptions(), d.costKind(),
                d.costModel(), d.processing(), d.linkRate(), DATA, d.tasks(), SEED, 0.0, count,
                FaultPlan.of(List.of(new FaultEvent.LinkDown(0.0, down, 100.0)), RandomFaults.NONE)));
        sim.submit(job("job", FailurePolicy.FAIL), LOS, 0.01);
        assertExact(sim.run().get(0));
        for (TraceEvent e : count.events) {
            if (e.type().equals("hop") && java.util.Arrays.equals(e.from(), TraceSink.sat(collector))) {
                assertArrayEquals(TraceSink.sat(neighbours.get(3)), e.to(), "a hop over a down link");
            }
        }
    }

    @Test
    void lostMessagesAreRetriedAndTheResultStaysExact() {
        TraceCount count = new TraceCount();
        Simulation sim = new Simulation(config(random(new RandomFaults(Double.POSITIVE_INFINITY, 60, 0.3, 0, 0, 0), 12))
                .withTrace(count));
        sim.submit(job("job", FailurePolicy.FAIL), LOS, 0.0);
        JobOutcome o = sim.run().get(0);
        assertExact(o);
        assertTrue(o.jobTimeS() > faultFree.jobTimeS() + FaultPlan.DEFAULT_HOP_TIMEOUT_S,
                "a lost try costs the hop timeout: " + o.jobTimeS() + " vs " + faultFree.jobTimeS());
    }

    @Test
    void duplicatedMessagesMeetTheDuplicateBranchesAndTheResultStaysExact() {
        for (FailurePolicy policy : FailurePolicy.values()) {
            TraceCount count = new TraceCount();
            Simulation sim = new Simulation(config(random(new RandomFaults(Double.POSITIVE_INFINITY, 60, 0, 0.5, 0, 0), 3))
                    .withTrace(count));
            sim.submit(job("job", policy), LOS, 0.0);
            JobOutcome o = sim.run().get(0);
            assertExact(o);
            for (String action : List.of("collect", "map", "reduce", "reduce_response")) {
                assertTrue(count.count("delivered", action) > count.count("message_sent", action),
                        action + ": delivered " + count.count("delivered", action) + ", sent " + count.count("message_sent", action));
            }
            assertEquals(1, count.count("task_started", "reduce"), "reduced exactly once");
        }
    }

    @Test
    void extraDelaysReorderMessagesAndTheResultStaysExact() {
        JobOutcome o = runOne(random(new RandomFaults(Double.POSITIVE_INFINITY, 60, 0, 0, 0.5, 0.3), 3), FailurePolicy.FAIL);
        assertExact(o);
        assertTrue(o.jobTimeS() > faultFree.jobTimeS(), o.jobTimeS() + " vs " + faultFree.jobTimeS());
    }

    @Test
    void theSameSeedGivesTheSameFaultsAndOutcomesByteForByte() {
        RandomFaults r = new RandomFaults(100.0, 5.0, 0.01, 0.05, 0.1, 0.2);
        byte[] first = tracedRun(r, SEED);
        assertArrayEquals(first, tracedRun(r, SEED));
        assertFalse(java.util.Arrays.equals(first, tracedRun(r, SEED + 1)), "another seed draws other faults");
        String trace = new String(first, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(trace.contains("\"fault_start\"") && trace.contains("crash of"), "crashes were drawn");
    }

    @Test
    void addingMessageFaultsDoesNotMoveTheCrashes() {
        TraceCount plain = new TraceCount();
        TraceCount lossy = new TraceCount();
        runTraced(new RandomFaults(100.0, 5.0, 0, 0, 0, 0), plain);
        runTraced(new RandomFaults(100.0, 5.0, 0.05, 0.05, 0.5, 0.2), lossy);
        assertFalse(plain.faults().isEmpty());
        assertEquals(plain.faults(), lossy.faults());
    }

    /**
     * The crashes a run schedules are {@link RandomFaults#crashes} of the run's seed, which {@code spacecomp fault
     * --schedule --seed} replays live: every crash in the trace, at its time, and no other.
     */
    @Test
    void theCrashesARunDrawsAreTheCrashesItsSeedListsForALiveReplay() {
        RandomFaults r = new RandomFaults(100.0, 5.0, 0, 0, 0, 0);
        TraceCount sink = new TraceCount();
        runTraced(r, sink);
        List<String> traced = new ArrayList<>();
        for (TraceEvent e : sink.events) {
            if (e.type().equals("fault_start") && e.detail().startsWith("crash of ")) {
                traced.add(e.t() + " " + e.detail());
            }
        }
        // jobs submitted at 0, 2, ... 8 s: the run draws crashes up to the last one's deadline
        List<String> drawn = new ArrayList<>();
        for (FaultEvent.SatelliteDown c : r.crashes(SHELL.torus(), Simulation.crashStream(SEED), 0.0, 8.0 + TIMEOUT_S)) {
            assertEquals(5.0, c.downS());
            drawn.add(c.atS() + " crash of " + c.satellites().get(0));
        }
        drawn.sort(java.util.Comparator.comparingDouble(x -> Double.parseDouble(x.substring(0, x.indexOf(' ')))));
        assertFalse(drawn.isEmpty(), "crashes were drawn");
        assertEquals(drawn, traced);
        assertNotEquals(drawn.toString(), r.crashes(SHELL.torus(), Simulation.crashStream(SEED + 1), 0.0, 8.0 + TIMEOUT_S).toString());
    }

    /**
     * {@code --wire-check}: every message and job through the codec before delivery changes nothing — the same
     * trace and outcomes, byte for byte, over runs that re-plan (collector, mapper and reducer losses, the
     * news of a loss travelling as peer_lost) and that fail (job_failed): every message type crosses the wire.
     */
    @Test
    void underTheWireCheckEveryMessageRoundTripsAndNothingChanges() {
        SatId mapper = faultFree.allocations().get(0).mapper();
        List<FaultPlan> plans = List.of(
                schedule(new FaultEvent.SatelliteDown(0.1, List.of(REDUCER), Double.POSITIVE_INFINITY, Outage.CRASH)),
                schedule(new FaultEvent.SatelliteDown(0.05, List.of(mapper), Double.POSITIVE_INFINITY, Outage.CRASH)),
                schedule(new FaultEvent.Partition(0.02, List.of(9, 10, 11), 100.0)),
                FaultPlan.of(List.of(), new RandomFaults(100.0, 5.0, 0.01, 0.05, 0.1, 0.2)));
        java.util.Set<String> delivered = new java.util.TreeSet<>();
        for (FaultPlan plan : plans) {
            for (FailurePolicy policy : FailurePolicy.values()) {
                String plain = wireRun(plan, policy, false, null);
                String checked = wireRun(plan, policy, true, delivered);
                assertEquals(plain, checked, "wire check changed a run of " + plan + " with " + policy);
            }
        }
        assertEquals(new java.util.TreeSet<>(io.spacecomp.protocol.Message.Action.wireNames()), delivered,
                "every message type crossed the wire");
    }

    /** The trace and the outcomes (results as JSON text) of 3 jobs, with the shortest router. */
    private static String wireRun(FaultPlan plan, FailurePolicy policy, boolean wireCheck, java.util.Set<String> delivered) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesTrace lines = new JsonLinesTrace(out);
        TraceSink trace = delivered == null ? lines : new TraceSink() {
            @Override
            public void emit(TraceEvent e) {
                if (e.type().equals("delivered")) {
                    delivered.add(e.action());
                }
                lines.emit(e);
            }
        };
        SimulationConfig d = config(plan);
        Simulation sim = new Simulation(new SimulationConfig(GEOMETRY, "shortest", d.routeOptions(), d.costKind(),
                d.costModel(), d.processing(), d.linkRate(), DATA, d.tasks(), SEED, 0.0, trace, plan, wireCheck));
        for (int j = 0; j < 3; j++) {
            sim.submit(job("job-" + j, policy), LOS, 0.01 + j * 0.5);
        }
        StringBuilder b = new StringBuilder();
        for (JobOutcome o : sim.run()) {
            b.append(o.jobId()).append(' ').append(o.done()).append(' ').append(o.error()).append(' ').append(o.jobTimeS())
                    .append(' ').append(o.reducer()).append(' ').append(o.replans()).append(' ')
                    .append(o.result() == null ? null : o.result().value().toString()).append('\n');
        }
        return out + b.toString();
    }

    private static byte[] tracedRun(RandomFaults r, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesTrace trace = new JsonLinesTrace(out);
        Simulation sim = new Simulation(SimulationConfig.defaults(GEOMETRY, DATA, seed)
                .withFaults(FaultPlan.of(List.of(), r)).withTrace(trace));
        for (int j = 0; j < 5; j++) {
            sim.submit(job("job-" + j, FailurePolicy.REPLAN), LOS, j * 2.0);
        }
        StringBuilder outcomes = new StringBuilder();
        for (JobOutcome o : sim.run()) {
            outcomes.append(o.jobId()).append(o.done()).append(o.error()).append(o.jobTimeS()).append(o.replans()).append('\n');
        }
        return (out + outcomes.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void runTraced(RandomFaults r, TraceCount sink) {
        Simulation sim = new Simulation(config(FaultPlan.of(List.of(), r)).withTrace(sink));
        for (int j = 0; j < 5; j++) {
            sim.submit(job("job-" + j, FailurePolicy.REPLAN), LOS, j * 2.0);
        }
        sim.run();
    }

    /** Counts trace events by type and action, and keeps the fault events. */
    static final class TraceCount implements TraceSink {
        private final List<TraceEvent> events = new ArrayList<>();

        @Override
        public void emit(TraceEvent e) {
            events.add(e);
        }

        long count(String type, String action) {
            return events.stream().filter(e -> e.type().equals(type) && action.equals(e.action())).count();
        }

        List<String> faults() {
            List<String> out = new ArrayList<>();
            for (TraceEvent e : events) {
                if (e.type().startsWith("fault_")) {
                    out.add(e.t() + " " + e.type() + " " + e.detail());
                }
            }
            return out;
        }
    }
}
