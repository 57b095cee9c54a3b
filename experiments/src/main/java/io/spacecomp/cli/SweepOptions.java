package io.spacecomp.cli;

import io.spacecomp.experiments.ExperimentConfig;
import io.spacecomp.experiments.Overrides;
import io.spacecomp.experiments.ProgressSink;
import io.spacecomp.experiments.ProjectPaths;
import io.spacecomp.experiments.SweepContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The flags of {@code experiment} and {@code reproduce}: runs, seed, sizes, output, threads, quiet, JSON. */
public final class SweepOptions {

    static final int MAX_RUNS = 1000;
    static final int MAX_THREADS = 256;

    @Option(names = "--runs", paramLabel = "R",
            description = "Seeded runs per configuration point, 1.." + MAX_RUNS + " (default: the scenario file's runs, "
                    + ExperimentConfig.DEFAULT_RUNS + " for the paper's; with --quick its quick.runs, " + ExperimentConfig.QUICK_RUNS + ").")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S",
            description = "Master seed; each run's seed derives from (seed, experiment, N, run) (default: the scenario file's, "
                    + ExperimentConfig.DEFAULT_SEED + " for the paper's).")
    Long seed;

    @Option(names = "--planes", paramLabel = "LIST", split = ",",
            description = "Constellation sizes N (N x N shells), comma-separated, each in [" + ExperimentConfig.MIN_PLANES + ", "
                    + ExperimentConfig.MAX_PLANES + "], replacing the scenario file's sweep (default: the sweep of "
                    + "scenarios/paper/NAME.yaml: 50,60,...,100; routing adds 22,32,40).")
    List<String> planes;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: experiment: ./NAME under the working directory; reproduce: the project's "
                    + "results/, with --quick experiments/target/quick-results).")
    Path out;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1.." + MAX_THREADS + " (default: all cores). The output does not depend on it.")
    Integer threads;

    @Option(names = "--quick", description = "Small sizes and " + ExperimentConfig.QUICK_RUNS + " runs: a smoke test in seconds.")
    boolean quick;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--json", description = "Print the results' JSON instead of a table.")
    boolean json;

    @Mixin
    TasksOptions taskJars;

    /** The sweeps' shared context: progress display and the tasks (built-in and {@code --tasks}) the simulated jobs run. */
    SweepContext context() {
        return new SweepContext(progress(), taskJars.load().registry());
    }

    /** What the flags change in a scenario file's run, validated; every bad value is reported by its flag and the allowed values. */
    Overrides toOverrides() {
        if (runs != null) {
            Flags.require(runs >= 1 && runs <= MAX_RUNS, "--runs", "an integer in [1, " + MAX_RUNS + "]", runs);
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Flags.require(t >= 1 && t <= MAX_THREADS, "--threads", "an integer in [1, " + MAX_THREADS + "]", t);
        List<Integer> sizes = null;
        if (planes != null) {
            String allowed = "comma-separated integers in [" + ExperimentConfig.MIN_PLANES + ", " + ExperimentConfig.MAX_PLANES
                    + "], each once";
            TreeSet<Integer> set = new TreeSet<>();
            for (String p : planes) {
                int n;
                try {
                    n = Integer.parseInt(p.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid value for --planes: " + p + " (allowed: " + allowed + ")");
                }
                Flags.require(n >= ExperimentConfig.MIN_PLANES && n <= ExperimentConfig.MAX_PLANES, "--planes", allowed, n);
                Flags.require(set.add(n), "--planes", allowed, String.join(",", planes));
            }
            sizes = new ArrayList<>(set);
        }
        return new Overrides(runs, seed, sizes, t, quick);
    }

    /** The output directory, validated. */
    Path outDir() {
        Path dir = out != null ? out : quick ? ProjectPaths.defaultQuickResults() : ProjectPaths.defaultResults();
        Flags.require(!Files.exists(dir) || Files.isDirectory(dir), "--out", "a directory (created when missing)", dir);
        return dir.toAbsolutePath().normalize();
    }

    ProgressSink progress() {
        return (task, total) -> {
            Progress p = Progress.start(task, total, quiet);
            return new ProgressSink.Bar() {
                @Override
                public void step() {
                    synchronized (p) {
                        p.step();
                    }
                }

                @Override
                public void close() {
                    p.close();
                }
            };
        };
    }
}
