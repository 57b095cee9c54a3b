package io.spacecomp.experiments.study;

import io.spacecomp.experiments.DrawRules;
import io.spacecomp.experiments.GroundLegs;
import io.spacecomp.experiments.JobScenario;
import io.spacecomp.experiments.Seeds;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.placement.CostModel;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobPlan;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.CostSpec;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.SweepPoint;
import io.spacecomp.sim.Simulation;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one seeded run of a study: draws the job set-up from the run's seed, then runs every compared
 * strategy's job through the job protocol in the simulator (the same coordinator, planner and tasks the
 * live testbed runs) and measures the plan it made along the strategy's routes.
 */
public final class StudyRunner {

    private final TaskRegistry tasks;
    private final java.nio.file.Path defaultDataDir;

    /**
     * @param tasks          the task registry (built-ins plus any user jars)
     * @param defaultDataDir the collectors' data directory when the scenario names none
     */
    public StudyRunner(TaskRegistry tasks, java.nio.file.Path defaultDataDir) {
        this.tasks = tasks;
        this.defaultDataDir = defaultDataDir;
    }

    /** The tasks jobs may name. */
    public TaskRegistry tasks() {
        return tasks;
    }

    /** The seed of run {@code run} at sweep point {@code point}. */
    public static long runSeed(long seed, int point, int run) {
        return Seeds.derive(seed, "study", point, run);
    }

    /** Runs every strategy of {@code point}'s scenario on run {@code run}'s draw. */
    public StudyRun run(SweepPoint point, int run, long runSeed) {
        Scenario s = point.scenario();
        ScenarioConstellation constellation = ScenarioConstellation.of(s);
        ConstellationGeometry geometry = constellation.geometry();
        JobScenario draw = JobScenario.draw(geometry, constellation.grid(), DrawRules.of(s), run, runSeed);
        List<SatId> aoi = new ArrayList<>(draw.collectors());
        aoi.addAll(draw.candidates());
        DataFiles data = new DataFiles(s.dataDir() != null ? s.dataDir() : defaultDataDir);
        List<StudyJob> jobs = new ArrayList<>();
        for (Compare.Strategy st : s.compare().strategies()) {
            jobs.add(job(s, geometry, draw, aoi, data, st, runSeed));
        }
        return new StudyRun(point, draw, jobs);
    }

    private StudyJob job(Scenario s, ConstellationGeometry geometry, JobScenario draw, List<SatId> aoi, DataFiles data,
                         Compare.Strategy st, long runSeed) {
        Simulation sim = new Simulation(ScenarioJobs.config(s, geometry, st.router(), data, tasks, runSeed, 0.0));
        JobSpec spec = ScenarioJobs.spec(s, "run" + draw.run() + "-" + st.label(), draw.k(), aoi, st, runSeed);
        sim.submit(spec, draw.los(), draw.epochS());
        JobOutcome o = sim.run().get(0);
        Map<StudyMetric, Double> values = new EnumMap<>(StudyMetric.class);
        if (o.reducer() != null && !o.allocations().isEmpty()) {
            Router router = Routers.byName(st.router(), geometry, s.routing());
            measure(values, router, o.allocations(), o.reducer(), draw.los(), draw.epochS(), s.cost(), s.job().tasks().skipsMap());
        }
        values.put(StudyMetric.JOB_TIME, o.done() ? o.jobTimeS() : Double.NaN);
        values.put(StudyMetric.GROUND_TIME, o.done() ? GroundLegs.of(geometry, s.routing(), s.groundStations(), draw.station(), draw.los(),
                draw.epochS(), o.jobTimeS()).map(g -> g.groundTimeS(o.jobTimeS())).orElse(Double.NaN) : Double.NaN);
        return new StudyJob(st, o.done(), o.done() ? "" : o.error(), o.reducer(), values);
    }

    /** Map and reduce cost, distance and hops of the plan along {@code router}'s paths at {@code tS}. */
    static void measure(Map<StudyMetric, Double> values, Router router, List<JobPlan.Allocation> allocations, SatId reducer,
                        SatId los, double tS, CostSpec cost, boolean skipMap) {
        CostModel map = cost.model();
        CostModel toReducer = map.withVolume(map.volumeBytes() / cost.mapCompression());
        CostModel toLos = map.withVolume(map.volumeBytes() / (cost.mapCompression() * cost.reductionFactor()));
        double mapCost = 0;
        double reduceCost = 0;
        double km = 0;
        long hops = 0;
        for (JobPlan.Allocation a : allocations) {
            SatId source = a.collector();
            if (!skipMap) {
                Path p = router.route(a.collector(), a.mapper(), tS);
                mapCost += map.cost(p.hopCount(), p.distanceKm());
                km += p.distanceKm();
                hops += p.hopCount();
                source = a.mapper();
            }
            Path r = router.route(source, reducer, tS);
            reduceCost += toReducer.cost(r.hopCount(), r.distanceKm());
            km += r.distanceKm();
            hops += r.hopCount();
        }
        Path back = router.route(reducer, los, tS);
        reduceCost += toLos.cost(back.hopCount(), back.distanceKm());
        km += back.distanceKm();
        hops += back.hopCount();
        values.put(StudyMetric.MAP_COST, mapCost);
        values.put(StudyMetric.REDUCE_COST, reduceCost);
        values.put(StudyMetric.DISTANCE, km);
        values.put(StudyMetric.HOPS, (double) hops);
    }
}
