package io.spacecomp.experiments;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Means, spreads and 95 % confidence intervals over runs; sums in list order, so results are reproducible. */
public final class Stats {

    private Stats() {
    }

    public static double mean(double[] xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("mean of no values");
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    public static <T> double mean(List<T> items, ToDoubleFunction<T> f) {
        return mean(items.stream().mapToDouble(f).toArray());
    }

    /** Sample standard deviation (n − 1); 0 for one value. */
    public static double sd(double[] xs) {
        if (xs.length < 2) {
            return 0.0;
        }
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (xs.length - 1));
    }

    /** Half-width of the 95 % confidence interval of the mean (Student t); 0 for one value. */
    public static double ci95(double[] xs) {
        if (xs.length < 2) {
            return 0.0;
        }
        return tQuantile975(xs.length - 1) * sd(xs) / Math.sqrt(xs.length);
    }

    /** Coefficient of variation sd/mean (population sd) of non-negative counts; 0 when all are 0. */
    public static double cv(long[] xs) {
        if (xs.length == 0) {
            return 0.0;
        }
        double m = 0;
        for (long x : xs) {
            m += x;
        }
        m /= xs.length;
        if (m == 0) {
            return 0.0;
        }
        double s = 0;
        for (long x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / xs.length) / m;
    }

    /** 100·(1 − value/baseline): how much lower {@code value} is than {@code baseline} (%). */
    public static double reductionPct(double value, double baseline) {
        return 100.0 * (1.0 - value / baseline);
    }

    /** The 97.5 % quantile of Student's t with {@code df} degrees of freedom. */
    static double tQuantile975(int df) {
        final double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (df <= table.length) {
            return table[df - 1];
        }
        return df <= 60 ? 2.000 : df <= 120 ? 1.980 : 1.960;
    }
}
