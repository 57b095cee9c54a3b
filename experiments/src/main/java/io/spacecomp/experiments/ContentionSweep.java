package io.spacecomp.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.ProcessingModel;
import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.sim.LinkRate;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep behind figures 9 and 10: each run's job is a real word count ({@code doccollector →
 * wordcountmapper → sumreducer} over the project's {@code data/corpus.txt}) executed by the job protocol
 * in the SSJ simulator, once per strategy; visits per satellite are counted per phase from its trace.
 * Strategies: random, eager and bipartite allocation with the reducer at the centre (figure 9), and
 * bipartite allocation with the reducer at the LOS, centre or 1-median (figure 10).
 */
final class ContentionSweep {

    static final String FAMILY = "contention";
    static final List<Integer> DEFAULT_PLANES = List.of(50, 60, 70, 80, 90, 100);
    static final List<Integer> QUICK_PLANES = List.of(50, 70);
    static final String ROUTER = "distance-aware";
    static final PolarProtection PROTECTION = PolarProtection.DEFAULT;
    static final CostModel COST = CostModel.PAPER_DEFAULT;
    static final int MAX_COLLECT_RECORDS = JobSpec.DEFAULT_MAX_COLLECT_RECORDS;

    /** One simulated job's allocator and reducer placement. */
    record Strategy(String allocator, String reducer) {
    }

    static final List<Strategy> STRATEGIES = List.of(new Strategy("random", "center"), new Strategy("eager", "center"),
            new Strategy("bipartite", "center"), new Strategy("bipartite", "los"), new Strategy("bipartite", "median"));

    private ContentionSweep() {
    }

    record Unit(int planes, int run, long runSeed, DataFiles data, TaskRegistry tasks) {
    }

    /**
     * One simulated job.
     *
     * @param strategy    allocator and reducer placement
     * @param done        whether the job completed
     * @param jobTimeS    virtual time from acceptance to completion (s)
     * @param resultWords words counted by the reduced result (the same for every strategy)
     * @param reducer     the reducer the coordinator chose
     * @param map         map-phase load
     * @param reduce      reduce-phase load
     * @param events      simulator events executed
     */
    record Job(Strategy strategy, boolean done, double jobTimeS, long resultWords, SatId reducer, PhaseVisits.Load map,
               PhaseVisits.Load reduce, long events) {
    }

    record Run(JobScenario scenario, List<Job> jobs) {
        Job find(String allocator, String reducer) {
            for (Job j : jobs) {
                if (j.strategy().equals(new Strategy(allocator, reducer))) {
                    return j;
                }
            }
            throw new IllegalArgumentException("no job " + allocator + "/" + reducer);
        }
    }

    static List<Run> runs(ExperimentConfig config, SweepContext context) {
        List<Integer> planes = config.planesOr(DEFAULT_PLANES, QUICK_PLANES);
        record Key(String family, int runs, long seed, List<Integer> planes) {
        }
        return context.memo(new Key(FAMILY, config.runs(), config.seed(), planes), () -> {
            DataFiles data = new DataFiles(ProjectPaths.dataDir());
            List<Unit> units = new ArrayList<>();
            for (int n : planes) {
                for (int r = 0; r < config.runs(); r++) {
                    units.add(new Unit(n, r, Seeds.derive(config.seed(), FAMILY, n, r), data, context.tasks()));
                }
            }
            return Sweep.run(units, ContentionSweep::run, u -> (long) u.planes() * u.planes(), config.threads(),
                    context.progress(), "contention");
        });
    }

    static Run run(Unit u) {
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(WalkerShell.paperDefault(u.planes(), u.planes()));
        JobScenario s = JobScenario.draw(geometry, u.run(), u.runSeed());
        List<SatId> aoi = new ArrayList<>(s.collectors());
        aoi.addAll(s.candidates());
        List<Job> jobs = new ArrayList<>();
        for (Strategy st : STRATEGIES) {
            PhaseVisits visits = new PhaseVisits(u.planes(), u.planes());
            SimulationConfig config = new SimulationConfig(geometry, ROUTER, new RouteOptions(0.0, PROTECTION), CostKind.EQ5,
                    COST, ProcessingModel.DEFAULT, LinkRate.PAPER_BUDGET, u.data(), u.tasks(), u.runSeed(), 0.0, visits);
            Simulation sim = new Simulation(config);
            JobSpec spec = JobSpec.wordCount("run" + u.run() + "-" + st.allocator() + "-" + st.reducer(), s.k(), aoi,
                    st.allocator(), st.reducer(), MAX_COLLECT_RECORDS, ProjectPaths.CORPUS, Seeds.stream(u.runSeed(), 1));
            sim.submit(spec, s.los(), s.epochS());
            JobOutcome o = sim.run().get(0);
            if (!o.done()) {
                throw new IllegalStateException("simulated job " + spec.jobId() + " failed: " + o.error());
            }
            jobs.add(new Job(st, o.done(), o.jobTimeS(), words(o.result().value()), o.reducer(), visits.map(),
                    visits.reduce(), sim.events()));
        }
        return new Run(s, jobs);
    }

    private static long words(JsonNode counts) {
        long total = 0;
        for (Iterator<JsonNode> it = counts.elements(); it.hasNext(); ) {
            total += it.next().asLong();
        }
        return total;
    }

    static Map<String, Object> configuration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("method", "the job protocol executed in the SSJ simulator (sim.Simulation), visits counted from its trace");
        c.put("job", "word count: doccollector -> wordcountmapper -> sumreducer over data/" + ProjectPaths.CORPUS
                + ", max_collect_records " + MAX_COLLECT_RECORDS);
        c.put("inclination_deg", 87.0);
        c.put("router", ROUTER);
        c.put("polar_limit_deg", PROTECTION.latitudeLimitDeg());
        c.put("planner_cost", "eq. 5 (" + COST + ")");
        c.put("map_phase_actions", PhaseVisits.MAP_ACTIONS);
        c.put("reduce_phase_actions", PhaseVisits.REDUCE_ACTIONS);
        c.put("visit", "a satellite is visited once when it sends a message and once per hop it receives");
        c.put("relay", "a relay visit is a hop received by a satellite that is not the message's destination: forwarding load");
        c.put("spread", "cv: coefficient of variation (population sd / mean) of the visits of the satellites the phase touched; "
                + "top5_share: share of the phase's visits taken by its 5 busiest satellites");
        c.put("strategies", STRATEGIES);
        return c;
    }
}
