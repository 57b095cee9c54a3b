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
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.JobTemplate;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.TaskNames;
import io.spacecomp.sim.LinkRate;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sweep behind figures 9 and 10: each run's job is a real word count ({@code doccollector →
 * wordcountmapper → sumreducer} over the project's {@code data/corpus.txt}) executed by the job protocol
 * in the SSJ simulator, once per strategy; visits per satellite are counted per phase from its trace.
 * Strategies: each scenario's allocators × reducer placements; the paper's: random, eager and bipartite
 * allocation with the reducer at the centre (figure 9), and bipartite allocation with the reducer at the
 * LOS, centre or 1-median (figure 10). A strategy both figures simulate (bipartite, centre) runs once.
 */
final class ContentionSweep {

    static final String FAMILY = "contention";

    /** One simulated job's allocator and reducer placement. */
    record Strategy(String allocator, String reducer) {
    }


    private ContentionSweep() {
    }

    /**
     * What one point of the contention figures fixes, from its scenario.
     *
     * @param shell    the point's shell
     * @param rules    how a run draws its job
     * @param router   the one router of {@code compare.router}
     * @param options  the routing block: polar protection and per-hop overhead
     * @param costKind what the coordinator's planner minimises ({@code compare.cost})
     * @param cost     eq. 5 and the link budget of the simulated links ({@code cost})
     * @param job      tasks, data, records per batch and deadline of every job ({@code job})
     * @param dataDir  where the collectors read ({@code data_dir}, else the project's data/)
     */
    record Params(WalkerShell shell, DrawRules rules, String router, RouteOptions options, CostKind costKind, CostModel cost,
                  JobTemplate job, Path dataDir) {

        static Params of(Scenario s) {
            String e = s.experiment();
            return new Params(PaperExperiments.walker(s, e), DrawRules.of(s),
                    PaperExperiments.one(s.compare().routers(), "compare.router", e), s.routing(), s.compare().costKind(),
                    s.cost().model(), s.job(), s.dataDir() != null ? s.dataDir() : ProjectPaths.dataDir());
        }
    }

    /** The strategies a scenario simulates: {@code compare.allocator} × {@code compare.reducer}. */
    static List<Strategy> strategies(Scenario s) {
        List<Strategy> out = new ArrayList<>();
        for (Compare.Strategy st : s.compare().strategies()) {
            out.add(new Strategy(st.allocator(), st.reducer()));
        }
        return out;
    }

    record Unit(Params params, int run, long runSeed, DataFiles data, List<Strategy> strategies, TaskRegistry tasks) {
        @Override
        public String toString() {
            return "contention run " + run + " at " + params.shell().planes() + "x" + params.shell().satsPerPlane();
        }
    }

    /** A simulated job, known by its point, run and strategy: sibling figures simulate a shared strategy once. */
    private record JobKey(Params params, int run, long runSeed, Strategy strategy) {
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

    /** The runs of {@code experiment}'s points, each with its scenario's strategies simulated (once per invocation). */
    static List<Run> runs(ExperimentConfig config, SweepContext context, String experiment) {
        List<Scenario> scenarios = config.points(experiment);
        List<Params> points = scenarios.stream().map(Params::of).toList();
        List<Strategy> strategies = strategies(scenarios.get(0));
        record Key(String family, int runs, long seed, List<Params> points) {
        }
        Map<JobKey, Job> jobs = context.memo(new Key(FAMILY, config.runs(), config.seed(), points), ConcurrentHashMap::new);
        Map<Path, DataFiles> data = new HashMap<>();
        List<Unit> units = new ArrayList<>();
        for (Params p : points) {
            DataFiles files = data.computeIfAbsent(p.dataDir(), DataFiles::new);
            for (int r = 0; r < config.runs(); r++) {
                units.add(new Unit(p, r, Seeds.derive(config.seed(), FAMILY, p.shell().planes(), r), files, strategies,
                        context.tasks()));
            }
        }
        return Sweep.run(units, u -> run(u, jobs), u -> (long) u.params().shell().planes() * u.params().shell().satsPerPlane(),
                config.threads(), context.progress(), "contention");
    }

    /** The run of {@code u}: its draw, and each strategy's job, simulated unless {@code done} holds it. */
    static Run run(Unit u, Map<JobKey, Job> done) {
        Params p = u.params();
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(p.shell());
        JobScenario s = JobScenario.draw(geometry, p.rules(), u.run(), u.runSeed());
        List<Job> jobs = new ArrayList<>();
        for (Strategy st : u.strategies()) {
            JobKey key = new JobKey(p, u.run(), u.runSeed(), st);
            Job job = done.get(key);
            if (job == null) {
                job = simulate(u, geometry, s, st);
                done.putIfAbsent(key, job);
            }
            jobs.add(job);
        }
        return new Run(s, jobs);
    }

    private static Job simulate(Unit u, CircularOrbitGeometry geometry, JobScenario s, Strategy st) {
        Params p = u.params();
        List<SatId> aoi = new ArrayList<>(s.collectors());
        aoi.addAll(s.candidates());
        PhaseVisits visits = new PhaseVisits(p.shell().planes(), p.shell().satsPerPlane());
        SimulationConfig config = new SimulationConfig(geometry, p.router(), p.options(), p.costKind(), p.cost(),
                ProcessingModel.DEFAULT, new LinkRate(p.cost().linkBudget(), 0.0), u.data(), u.tasks(), u.runSeed(), 0.0, visits);
        Simulation sim = new Simulation(config);
        JobTemplate t = p.job();
        JobSpec spec = new JobSpec("run" + u.run() + "-" + st.allocator() + "-" + st.reducer(), s.k(), aoi, st.allocator(),
                st.reducer(), t.tasks().collect(), t.tasks().map(), t.tasks().combine(), t.tasks().reduce(), t.maxCollectRecords(),
                t.data(), t.timeoutS(), Seeds.stream(u.runSeed(), 1));
        sim.submit(spec, s.los(), s.epochS());
        JobOutcome o = sim.run().get(0);
        if (!o.done()) {
            throw new IllegalStateException("simulated job " + spec.jobId() + " failed: " + o.error());
        }
        return new Job(st, o.done(), o.jobTimeS(), words(o.result().value()), o.reducer(), visits.map(), visits.reduce(),
                sim.events());
    }

    private static long words(JsonNode counts) {
        long total = 0;
        for (Iterator<JsonNode> it = counts.elements(); it.hasNext(); ) {
            total += it.next().asLong();
        }
        return total;
    }

    static Map<String, Object> configuration(Scenario scenario) {
        Params p = Params.of(scenario);
        TaskNames tasks = p.job().tasks();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("method", "the job protocol executed in the SSJ simulator (sim.Simulation), visits counted from its trace");
        String file = p.job().data().path("filename").asText(p.job().data().toString());
        c.put("job", (tasks.equals(TaskNames.WORD_COUNT) ? "word count: " : "tasks: ") + tasks.collect() + " -> "
                + (tasks.skipsMap() ? tasks.combine() + " (combine)" : tasks.map()) + " -> " + tasks.reduce() + " over "
                + (scenario.dataDir() == null ? "data/" : scenario.dataDir() + "/") + file
                + ", max_collect_records " + p.job().maxCollectRecords());
        c.put("inclination_deg", p.shell().inclinationDeg());
        c.put("router", p.router());
        c.put("polar_limit_deg", p.options().protection().latitudeLimitDeg());
        c.put("planner_cost", p.costKind() == CostKind.EQ5 ? "eq. 5 (" + p.cost() + ")" : p.costKind().cliName());
        c.put("map_phase_actions", PhaseVisits.MAP_ACTIONS);
        c.put("reduce_phase_actions", PhaseVisits.REDUCE_ACTIONS);
        c.put("visit", "a satellite is visited once when it sends a message and once per hop it receives");
        c.put("relay", "a relay visit is a hop received by a satellite that is not the message's destination: forwarding load");
        c.put("spread", "cv: coefficient of variation (population sd / mean) of the visits of the satellites the phase touched; "
                + "top5_share: share of the phase's visits taken by its 5 busiest satellites");
        c.put("strategies", strategies(scenario));
        return c;
    }
}
