package io.spacecomp.placement;

import java.util.SplittableRandom;

/** Seeded random cost matrices for tests. */
final class Matrices {

    private Matrices() {
    }

    /** Integer values uniform in {@code 0..maxValue}. */
    static double[][] integers(SplittableRandom r, int n, int m, int maxValue) {
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i][j] = r.nextInt(maxValue + 1);
            }
        }
        return c;
    }

    /** Mostly zeros: each entry is 0 with probability {@code pZero}, else an integer in 1..9. */
    static double[][] sparseZeros(SplittableRandom r, int n, int m, double pZero) {
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i][j] = r.nextDouble() < pZero ? 0.0 : 1 + r.nextInt(9);
            }
        }
        return c;
    }

    /** Real values uniform in [lo, hi). */
    static double[][] reals(SplittableRandom r, int n, int m, double lo, double hi) {
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i][j] = lo + (hi - lo) * r.nextDouble();
            }
        }
        return c;
    }

    static double[][] deepCopy(double[][] c) {
        double[][] copy = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            copy[i] = c[i].clone();
        }
        return copy;
    }
}
