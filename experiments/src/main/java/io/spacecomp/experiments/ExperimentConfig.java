package io.spacecomp.experiments;

import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.SweepPoint;

import java.util.List;

/**
 * How to run an experiment: its scenario file, how many seeded runs per point, the master seed, which
 * constellation sizes, and how many threads. The output never depends on {@code threads}.
 *
 * @param runs    seeded runs per configuration point (≥ 1; the paper uses 20)
 * @param seed    master seed; every run's seed is derived from it ({@link Seeds})
 * @param planes  constellation sizes N (an N × N shell each) replacing the file's sweep, or null for the file's
 * @param threads worker threads (≥ 1)
 * @param quick   the file's quick sweep (and, through {@link #of}, its quick runs), for tests and CI
 * @param file    the scenario file, or null for the experiment's own {@code scenarios/paper/NAME.yaml}
 */
public record ExperimentConfig(int runs, long seed, List<Integer> planes, int threads, boolean quick, ScenarioFile file) {

    /** The paper's 20 runs per point. */
    public static final int DEFAULT_RUNS = 20;
    /** Runs per point of a {@code --quick} run. */
    public static final int QUICK_RUNS = 4;
    /** The default master seed. */
    public static final long DEFAULT_SEED = 1;
    /** Smallest and largest N accepted: below 20 planes the US holds too few satellites of one pass. */
    public static final int MIN_PLANES = 20;
    public static final int MAX_PLANES = 200;

    public ExperimentConfig {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (planes != null) {
            planes = List.copyOf(planes);
            for (int n : planes) {
                if (n < MIN_PLANES || n > MAX_PLANES) {
                    throw new IllegalArgumentException("planes must be in [" + MIN_PLANES + ", " + MAX_PLANES + "], got " + n);
                }
            }
        }
    }

    /** Each experiment's paper scenario file, with these runs, seed, sizes and threads. */
    public ExperimentConfig(int runs, long seed, List<Integer> planes, int threads, boolean quick) {
        this(runs, seed, planes, threads, quick, null);
    }

    /** Paper defaults: 20 runs, seed 1, each experiment's own sizes, all cores. */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig(DEFAULT_RUNS, DEFAULT_SEED, null, Runtime.getRuntime().availableProcessors(), false);
    }

    /** The quick variant: {@link #QUICK_RUNS} runs and the experiment's small sizes. */
    public static ExperimentConfig quick(long seed, int threads) {
        return new ExperimentConfig(QUICK_RUNS, seed, null, threads, true);
    }

    /** {@code file} as written, but for what {@code o} overrides. */
    public static ExperimentConfig of(ScenarioFile file, Overrides o) {
        return new ExperimentConfig(o.runs() != null ? o.runs() : file.runs(o.quick()),
                o.seed() != null ? o.seed() : file.base().seed(), o.planes(),
                o.threads() != null ? o.threads() : Runtime.getRuntime().availableProcessors(), o.quick(), file);
    }

    /** The scenario file {@code experiment} runs: the given one, else its paper file. */
    public ScenarioFile scenarioFile(String experiment) {
        return file != null ? file : PaperExperiments.load(experiment);
    }

    /** The scenario of every point {@code experiment} runs: the file's (quick) sweep, or one per N of {@link #planes}. */
    public List<Scenario> points(String experiment) {
        ScenarioFile f = scenarioFile(experiment);
        if (planes == null) {
            return f.points(quick).stream().map(SweepPoint::scenario).toList();
        }
        return PaperExperiments.atPlanes(f, planes);
    }

    /** The sizes N of {@code experiment}'s points, in order. */
    public List<Integer> planesOf(String experiment) {
        return points(experiment).stream().map(s -> PaperExperiments.walker(s, experiment).planes()).toList();
    }

    public ExperimentConfig withThreads(int t) {
        return new ExperimentConfig(runs, seed, planes, t, quick, file);
    }
}
