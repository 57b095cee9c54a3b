package io.spacecomp.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/** Builds the {@code summary} maps of the JSON files: a value per N (sorted), means over runs. */
final class Summaries {

    private Summaries() {
    }

    /** Mean of {@code value} over the rows {@code keep} selects, per N, rounded to {@code decimals}. */
    static <R> Map<Integer, Double> meanBy(List<R> rows, Predicate<R> keep, ToIntFunction<R> key,
                                           ToDoubleFunction<R> value, int decimals) {
        return reduceBy(rows, keep, key, value, decimals, false);
    }

    /** Half-width of the 95 % confidence interval of that mean, per N. */
    static <R> Map<Integer, Double> ci95By(List<R> rows, Predicate<R> keep, ToIntFunction<R> key,
                                           ToDoubleFunction<R> value, int decimals) {
        return reduceBy(rows, keep, key, value, decimals, true);
    }

    private static <R> Map<Integer, Double> reduceBy(List<R> rows, Predicate<R> keep, ToIntFunction<R> key,
                                                     ToDoubleFunction<R> value, int decimals, boolean ci) {
        Map<Integer, List<Double>> groups = new TreeMap<>();
        for (R r : rows) {
            if (keep.test(r)) {
                groups.computeIfAbsent(key.applyAsInt(r), k -> new ArrayList<>()).add(value.applyAsDouble(r));
            }
        }
        Map<Integer, Double> out = new TreeMap<>();
        groups.forEach((k, vs) -> {
            double[] xs = vs.stream().mapToDouble(Double::doubleValue).toArray();
            out.put(k, round(ci ? Stats.ci95(xs) : Stats.mean(xs), decimals));
        });
        return out;
    }

    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }

    /** Distinct values of {@code key} over {@code rows}, in the order they first appear. */
    static <R, K> List<K> distinct(List<R> rows, java.util.function.Function<R, K> key) {
        return rows.stream().map(key).distinct().toList();
    }
}
