package io.spacecomp.experiments;

import java.util.List;

/**
 * How to run an experiment: how many seeded runs per point, the master seed, which constellation sizes,
 * and how many threads. The output never depends on {@code threads}.
 *
 * @param runs    seeded runs per configuration point (≥ 1; the paper uses 20)
 * @param seed    master seed; every run's seed is derived from it ({@link Seeds})
 * @param planes  constellation sizes N (an N × N shell each), or null for the experiment's default list
 * @param threads worker threads (≥ 1)
 * @param quick   small sizes and few runs, for tests and CI
 */
public record ExperimentConfig(int runs, long seed, List<Integer> planes, int threads, boolean quick) {

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

    /** Paper defaults: 20 runs, seed 1, each experiment's own sizes, all cores. */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig(DEFAULT_RUNS, DEFAULT_SEED, null, Runtime.getRuntime().availableProcessors(), false);
    }

    /** The quick variant: {@link #QUICK_RUNS} runs and the experiment's small sizes. */
    public static ExperimentConfig quick(long seed, int threads) {
        return new ExperimentConfig(QUICK_RUNS, seed, null, threads, true);
    }

    /** The sizes to sweep: the given list, else the experiment's quick or default list. */
    public List<Integer> planesOr(List<Integer> defaults, List<Integer> quickDefaults) {
        if (planes != null) {
            return planes;
        }
        return quick ? quickDefaults : defaults;
    }

    public ExperimentConfig withThreads(int t) {
        return new ExperimentConfig(runs, seed, planes, t, quick);
    }
}
