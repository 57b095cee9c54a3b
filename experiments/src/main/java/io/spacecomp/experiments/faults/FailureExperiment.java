package io.spacecomp.experiments.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.experiments.ChartSpec;
import io.spacecomp.experiments.Column;
import io.spacecomp.experiments.Csv;
import io.spacecomp.experiments.Plots;
import io.spacecomp.experiments.Seeds;
import io.spacecomp.experiments.Stats;
import io.spacecomp.orbit.aoi.GridArea;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.sim.fault.FaultPlan;
import io.spacecomp.sim.fault.RandomFaults;
import io.spacecomp.tasks.DataFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Jobs under failure: completion and job time against the satellites' crash rate, with the jobs failing
 * on a lost satellite ({@code fail}) or re-planning ({@code replan}) over the very same seeded fault draws
 * (the run's seed, not the policy, seeds the crashes, the message loss and the duplicates). Every
 * finished job's result is checked against the fault-free count: re-planning must keep it exact.
 */
public final class FailureExperiment {

    /** The job's coordinator. */
    static final SatId LOS = new SatId(1, 1);

    /**
     * @param planes       planes of the Walker shell (87°, 530 km)
     * @param sats         satellites per plane
     * @param runs         seeded runs per crash rate and policy
     * @param seed         master seed
     * @param mtbfS        the satellites' mean times between crashes (s), one point each
     * @param jobs         jobs per run, submitted {@code spacingS} apart
     * @param collectors   collectors k per job (the AOI is the grid [3, 8]², 36 satellites: 36 − 2k spares)
     * @param spacingS     time between submissions (s)
     * @param timeoutS     each job's deadline after acceptance (s)
     * @param repairS      how long a crashed satellite stays down (s)
     * @param messageLoss  probability that a try of a hop is lost
     * @param duplicate    probability that a hop delivers twice
     * @param dataDir      the data directory
     * @param file         the counted file in it
     */
    public record Config(int planes, int sats, int runs, long seed, List<Double> mtbfS, int jobs, int collectors,
                         double spacingS, double timeoutS, double repairS, double messageLoss, double duplicate,
                         Path dataDir, String file) {
        public Config {
            mtbfS = List.copyOf(mtbfS);
        }

        public static Config defaults(Path dataDir) {
            return new Config(11, 11, 20, 1, List.of(100_000.0, 30_000.0, 10_000.0, 3_000.0, 1_000.0, 300.0), 10, 8, 2.0,
                    60.0, 10.0, 0.001, 0.001, dataDir, "corpus.txt");
        }

        public Config withRuns(int r) {
            return new Config(planes, sats, r, seed, mtbfS, jobs, collectors, spacingS, timeoutS, repairS, messageLoss,
                    duplicate, dataDir, file);
        }

        public Config withSeed(long s) {
            return new Config(planes, sats, runs, s, mtbfS, jobs, collectors, spacingS, timeoutS, repairS, messageLoss,
                    duplicate, dataDir, file);
        }

        public Config withMtbf(List<Double> m) {
            return new Config(planes, sats, runs, seed, m, jobs, collectors, spacingS, timeoutS, repairS, messageLoss,
                    duplicate, dataDir, file);
        }
    }

    /** One job of one run. */
    public record JobRow(double mtbfS, FailurePolicy policy, int run, String job, boolean done, boolean exact,
                         double jobTimeS, int replans, String error) {
    }

    /** One crash rate and policy over every run. */
    public record Summary(double mtbfS, FailurePolicy policy, int jobs, int done, double jobTimeMeanS, double jobTimeCi95S,
                          double replansPerJob, int inexact) {
        /** Crashes per satellite per hour. */
        public double crashesPerHour() {
            return 3600.0 / mtbfS;
        }

        public double completion() {
            return (double) done / jobs;
        }
    }

    private FailureExperiment() {
    }

    /** Every job of every run, point by point, fail before replan at each. */
    public static List<JobRow> run(Config c, Consumer<String> progress) {
        WalkerShell shell = new WalkerShell(c.planes(), c.sats(), 0, 87.0, 530.0, WalkerShell.DEFAULT_EARTH_RADIUS_KM);
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(shell);
        DataFiles data = new DataFiles(c.dataDir());
        JsonNode reference = reference(c, geometry, data);
        List<JobRow> rows = new ArrayList<>();
        for (double mtbf : c.mtbfS()) {
            FaultPlan plan = FaultPlan.of(List.of(),
                    new RandomFaults(mtbf, c.repairS(), c.messageLoss(), c.duplicate(), 0.0, 0.0));
            for (FailurePolicy policy : FailurePolicy.values()) {
                for (int r = 0; r < c.runs(); r++) {
                    // the same seed for every crash rate and both policies: common random numbers
                    long runSeed = Seeds.derive(c.seed(), "failures", c.planes(), r);
                    Simulation sim = new Simulation(SimulationConfig.defaults(geometry, data, runSeed).withFaults(plan));
                    for (int j = 0; j < c.jobs(); j++) {
                        List<SatId> aoi = GridArea.shuffled(3, 8, c.sats(), c.planes(), Seeds.stream(runSeed, j + 2));
                        JobSpec spec = JobSpec.wordCount("job-" + (j + 1), c.collectors(), aoi, "bipartite", "center", 16,
                                c.file(), Seeds.stream(runSeed, j + 2)).withTimeout(c.timeoutS()).withOnFailure(policy);
                        sim.submit(spec, LOS, j * c.spacingS());
                    }
                    for (JobOutcome o : sim.run()) {
                        boolean exact = o.done() && o.result().value().equals(reference);
                        rows.add(new JobRow(mtbf, policy, r, o.jobId(), o.done(), exact, o.jobTimeS(), o.replans().size(),
                                o.done() ? "" : o.error()));
                    }
                }
                progress.accept(String.format(java.util.Locale.ROOT, "mtbf %.0f s, %s: done", mtbf, policy.cliName()));
            }
        }
        return rows;
    }

    /** The fault-free count of the file. */
    private static JsonNode reference(Config c, CircularOrbitGeometry geometry, DataFiles data) {
        Simulation sim = new Simulation(SimulationConfig.defaults(geometry, data, c.seed()));
        List<SatId> aoi = GridArea.shuffled(3, 8, c.sats(), c.planes(), c.seed());
        JobOutcome o = sim.run(List.of(JobSpec.wordCount("reference", c.collectors(), aoi, "bipartite", "center", 16,
                c.file(), c.seed())), LOS).get(0);
        if (!o.done()) {
            throw new IllegalStateException("the fault-free reference job failed: " + o.error());
        }
        return o.result().value();
    }

    /** The rows of each (crash rate, policy), in the order of the config. */
    public static List<Summary> summarise(Config c, List<JobRow> rows) {
        List<Summary> out = new ArrayList<>();
        for (double mtbf : c.mtbfS()) {
            for (FailurePolicy p : FailurePolicy.values()) {
                List<Double> times = new ArrayList<>();
                int jobs = 0;
                int replans = 0;
                int inexact = 0;
                for (JobRow r : rows) {
                    if (r.mtbfS() != mtbf || r.policy() != p) {
                        continue;
                    }
                    jobs++;
                    replans += r.replans();
                    if (r.done()) {
                        times.add(r.jobTimeS());
                        inexact += r.exact() ? 0 : 1;
                    }
                }
                double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
                out.add(new Summary(mtbf, p, jobs, t.length, t.length == 0 ? 0 : Stats.mean(t),
                        t.length < 2 ? 0 : Stats.ci95(t), jobs == 0 ? 0 : (double) replans / jobs, inexact));
            }
        }
        return out;
    }

    /** Writes {@code failures.csv} (summary), {@code failures-jobs.csv} (every job), {@code failures.png} and {@code .svg}. */
    public static List<Path> write(Config c, List<JobRow> rows, Path outDir) {
        List<Summary> summary = summarise(c, rows);
        List<Column<Summary>> cols = List.of(
                Column.of("mtbf_s", "mean time between crashes of each satellite (s)", s -> Csv.num(s.mtbfS(), 0)),
                Column.of("crashes_per_sat_hour", "crash rate of each satellite (1/h)", s -> Csv.num(s.crashesPerHour(), 4)),
                Column.of("policy", "fail or replan", s -> s.policy().cliName()),
                Column.of("jobs", "jobs over every run", s -> Csv.num(s.jobs())),
                Column.of("done", "jobs that finished", s -> Csv.num(s.done())),
                Column.of("completion", "done / jobs", s -> Csv.num(s.completion(), 4)),
                Column.of("job_time_mean_s", "mean job time of finished jobs (s)", s -> Csv.num(s.jobTimeMeanS(), 4)),
                Column.of("job_time_ci95_s", "95 % confidence half-width of it (s)", s -> Csv.num(s.jobTimeCi95S(), 4)),
                Column.of("replans_per_job", "re-plans per job", s -> Csv.num(s.replansPerJob(), 4)),
                Column.of("inexact_results", "finished jobs whose result differs from the fault-free count (must be 0)",
                        s -> Csv.num(s.inexact())));
        List<Column<JobRow>> jobCols = List.of(
                Column.of("mtbf_s", "", r -> Csv.num(r.mtbfS(), 0)),
                Column.of("policy", "", r -> r.policy().cliName()),
                Column.of("run", "", r -> Csv.num(r.run())),
                Column.of("job", "", JobRow::job),
                Column.of("done", "", r -> Boolean.toString(r.done())),
                Column.of("exact", "", r -> Boolean.toString(r.exact())),
                Column.of("job_time_s", "", r -> Csv.num(r.jobTimeS(), 4)),
                Column.of("replans", "", r -> Csv.num(r.replans())),
                Column.of("error", "", JobRow::error));
        Path csv = outDir.resolve("failures.csv");
        Path jobsCsv = outDir.resolve("failures-jobs.csv");
        Path png = outDir.resolve("failures.png");
        Path svg = outDir.resolve("failures.svg");
        try {
            Files.createDirectories(outDir);
            Files.writeString(csv, Csv.write(cols, summary), StandardCharsets.UTF_8);
            Files.writeString(jobsCsv, Csv.write(jobCols, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + outDir, e);
        }
        List<ChartSpec.Series> completion = new ArrayList<>();
        List<ChartSpec.Series> time = new ArrayList<>();
        for (FailurePolicy p : FailurePolicy.values()) {
            int colour = p.ordinal();
            completion.add(ChartSpec.Series.of(p.cliName(), colour, p == FailurePolicy.FAIL, summary, s -> s.policy() == p,
                    Summary::crashesPerHour, s -> 100.0 * s.completion()));
            time.add(ChartSpec.Series.of(p.cliName(), colour, p == FailurePolicy.FAIL, rows, r -> r.policy() == p && r.done(),
                    r -> 3600.0 / r.mtbfS(), JobRow::jobTimeS));
        }
        ChartSpec spec = new ChartSpec("Jobs under failure: fail vs replan over the same seeded crashes ("
                + c.planes() + " x " + c.sats() + ", " + c.jobs() + " jobs x " + c.runs() + " runs)",
                "satellite crashes per satellite-hour", true,
                List.of(new ChartSpec.Panel("jobs completed (%)", false, completion),
                        new ChartSpec.Panel("job time of completed jobs (s)", false, time)));
        Plots.write(spec, png, svg);
        return List.of(csv, jobsCsv, png, svg);
    }
}
