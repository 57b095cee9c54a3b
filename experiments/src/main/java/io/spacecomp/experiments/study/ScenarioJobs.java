package io.spacecomp.experiments.study;

import io.spacecomp.experiments.DrawRules;
import io.spacecomp.experiments.GroundLegs;
import io.spacecomp.experiments.JobScenario;
import io.spacecomp.experiments.Seeds;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.StationSpec;
import io.spacecomp.scenario.TaskNames;
import io.spacecomp.sim.LinkRate;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.trace.TraceSink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The concurrent jobs {@code simulate --scenario} submits: job 1 draws its time, area satellites and
 * station from the scenario's seed as a study's run 0 does; every further job draws its own satellites
 * and station at that same time, so all of them run at once.
 */
public final class ScenarioJobs {

    private ScenarioJobs() {
    }

    /** One job to submit: its spec, its coordinator, when, and the draw behind it. */
    public record Submission(JobSpec spec, SatId los, double atS, JobScenario draw) {
    }

    /**
     * A simulation of a scenario's jobs.
     *
     * @param config   the simulator's configuration (no trace; add one with {@link SimulationConfig#withTrace})
     * @param jobs     the jobs, in submission order
     * @param stations where the jobs come from and their results go down to (the ground legs), or null when the
     *                 jobs were not drawn from stations
     */
    public record Plan(SimulationConfig config, List<Submission> jobs, StationSpec stations) {
        public Plan {
            jobs = List.copyOf(jobs);
        }

        /** Jobs with no ground stations behind them. */
        public Plan(SimulationConfig config, List<Submission> jobs) {
            this(config, jobs, null);
        }

        /** The ground legs of {@code sub}'s job, finished after {@code jobTimeS}; empty without stations or a way down. */
        public java.util.Optional<GroundLegs> groundLegs(Submission sub, double jobTimeS) {
            if (stations == null || sub.draw() == null) {
                return java.util.Optional.empty();
            }
            return GroundLegs.of(config.geometry(), config.routeOptions(), stations, sub.draw().station(), sub.los(), sub.atS(),
                    jobTimeS);
        }
    }

    /**
     * @param s              the scenario (its sweep, if any, is not expanded: the file's own values run)
     * @param strategy       the allocator, reducer placement and router of every job
     * @param jobs           how many concurrent jobs
     * @param tasks          the task registry
     * @param defaultDataDir the collectors' data directory when the scenario names none
     * @param maxJitterS     random extra delay per hop (s)
     */
    public static Plan plan(Scenario s, Compare.Strategy strategy, int jobs, TaskRegistry tasks, Path defaultDataDir,
                            double maxJitterS) {
        s.job().tasks().check(tasks);
        ScenarioConstellation constellation = ScenarioConstellation.of(s);
        ConstellationGeometry geometry = constellation.geometry();
        DrawRules rules = DrawRules.of(s);
        List<Submission> out = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            long seed = Seeds.derive(s.seed(), "simulate", 0, j);
            JobScenario draw = JobScenario.draw(geometry, constellation.grid(), rules, j, seed);
            if (j == 0) {
                rules = new DrawRules(rules.aoi(), rules.collectors(), rules.stations(), draw.epochS());
            }
            List<SatId> aoi = new ArrayList<>(draw.collectors());
            aoi.addAll(draw.candidates());
            // the area's other satellites at the job's time, in node order: spares a re-planning job moves work to
            for (SatId sat : rules.aoi().box().satellitesInside(geometry, draw.epochS(), draw.pass())) {
                if (!aoi.contains(sat)) {
                    aoi.add(sat);
                }
            }
            out.add(new Submission(spec(s, "job-" + (j + 1), draw.k(), aoi, strategy, seed), draw.los(), draw.epochS(), draw));
        }
        DataFiles data = new DataFiles(s.dataDir() != null ? s.dataDir() : defaultDataDir);
        return new Plan(config(s, geometry, strategy.router(), data, tasks, s.seed(), maxJitterS), out, s.groundStations());
    }

    /** The simulator as the scenario sets it up (routing, cost, processing, link rates, faults) for one router and seed. */
    static SimulationConfig config(Scenario s, ConstellationGeometry geometry, String router, DataFiles data, TaskRegistry tasks,
                                   long seed, double maxJitterS) {
        return new SimulationConfig(geometry, router, s.routing(), s.compare().costKind(), s.cost().model(),
                s.cost().processing(), new LinkRate(s.cost().model().linkBudget(), 0.0), data, tasks, seed, maxJitterS,
                TraceSink.NONE, s.faults());
    }

    /** The scenario's job with {@code k} collectors over {@code aoi} (collectors first, then candidates, then spares). */
    static JobSpec spec(Scenario s, String jobId, int k, List<SatId> aoi, Compare.Strategy strategy, long seed) {
        TaskNames t = s.job().tasks();
        return new JobSpec(jobId, k, aoi, strategy.allocator(), strategy.reducer(), t.collect(), t.map(), t.combine(), t.reduce(),
                s.job().maxCollectRecords(), s.job().data(), s.job().timeoutS(), Seeds.stream(seed, 1), s.job().onFailure());
    }
}
