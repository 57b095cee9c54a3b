package io.spacecomp.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Runs independent units of work (one seeded run at one configuration point each) on a fixed number of
 * threads and returns their results in the units' order, whatever order they finish in. A unit must
 * draw its randomness from its own seed only: then the output does not depend on the thread count.
 */
public final class Sweep {

    private Sweep() {
    }

    /**
     * @param units    the work, in output order
     * @param work     what one unit computes (must be thread-safe across units)
     * @param weight   relative cost of a unit: heavier units start first, to keep every thread busy
     * @param threads  worker threads (≥ 1); 1 runs everything on the calling thread
     * @param progress told after each unit
     * @param task     the bar's name
     */
    public static <U, R> List<R> run(List<U> units, Function<U, R> work, ToLongFunction<U> weight, int threads,
                                     ProgressSink progress, String task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        List<R> results = new ArrayList<>(units.size());
        try (ProgressSink.Bar bar = progress.start(task, units.size())) {
            if (threads == 1) {
                for (U u : units) {
                    results.add(apply(work, u));
                    bar.step();
                }
                return results;
            }
            List<Integer> order = new ArrayList<>(units.size());
            for (int i = 0; i < units.size(); i++) {
                order.add(i);
            }
            // Heaviest first (ties in unit order): only the schedule changes, never the result order.
            order.sort(Comparator.comparingLong((Integer i) -> -weight.applyAsLong(units.get(i))).thenComparingInt(i -> i));
            ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads(task));
            try {
                List<Future<R>> futures = new ArrayList<>(units.size());
                for (int i = 0; i < units.size(); i++) {
                    futures.add(null);
                }
                for (int i : order) {
                    U u = units.get(i);
                    futures.set(i, pool.submit(() -> {
                        R r = apply(work, u);
                        bar.step();
                        return r;
                    }));
                }
                for (Future<R> f : futures) {
                    results.add(f.get());
                }
                return results;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep " + task + " interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static <U, R> R apply(Function<U, R> work, U unit) {
        try {
            return work.apply(unit);
        } catch (RuntimeException e) {
            throw new IllegalStateException("unit " + unit + " failed: " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads(String task) {
        return r -> {
            Thread t = new Thread(r, "sweep-" + task);
            t.setDaemon(true);
            return t;
        };
    }
}
