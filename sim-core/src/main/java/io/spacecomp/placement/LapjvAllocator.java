package io.spacecomp.placement;

import java.util.Arrays;

/**
 * Minimum-cost assignment by the Jonker–Volgenant algorithm (R. Jonker, A. Volgenant, "A shortest
 * augmenting path algorithm for dense and sparse linear assignment problems", Computing 38, 1987),
 * SPEC §5 {@code lapjv}. It returns the same optimum as {@link HungarianAllocator}, usually much faster.
 *
 * <p>The algorithm works on a square matrix with column prices {@code v}; row {@code i}'s implicit dual is
 * {@code u[i] = min_j (c[i][j] - v[j])}, and every assigned row holds a column attaining that minimum.
 * Its four phases:
 * <ol>
 *   <li><b>Column reduction.</b> {@code v[j]} = the column minimum; each column is offered to its
 *       cheapest row (lowest index on ties), scanning columns from last to first; a row keeps only the
 *       first column offered. Cheap, and typically assigns most rows.</li>
 *   <li><b>Reduction transfer.</b> A row that received exactly one column lowers that column's price
 *       by the row's second-smallest reduced cost, so the row's slack moves to the column and later rows
 *       find that column less attractive.</li>
 *   <li><b>Augmenting row reduction</b> (two passes, as in the paper). Each free row finds its smallest
 *       reduced cost {@code u1} (column {@code j1}) and second smallest {@code u2} (column {@code j2}). If
 *       {@code u1 < u2} it takes {@code j1} and lowers {@code v[j1]} by {@code u2 - u1}, so that
 *       {@code j1} and {@code j2} now tie for the row (its column is still a row minimum); a displaced
 *       owner is processed again at once. If {@code u1 == u2} (a tie) no price can change: the row takes
 *       {@code j1} if free, else {@code j2}, and a displaced owner waits for the next pass — processing
 *       it at once would let two rows take a column from each other forever. Like an auction without a
 *       minimum bid increment this is fast but need not finish, hence two passes only; the rows still
 *       free go to phase 4.</li>
 *   <li><b>Augmentation.</b> For each remaining free row a Dijkstra shortest-path search over reduced
 *       costs, organised with the paper's column list: {@code ready} columns (scanned, final distance),
 *       {@code todo} columns (at the current minimum distance, not yet scanned) and the rest. When the
 *       todo list is empty the next distance level is collected; the search stops at the first free
 *       column at minimum distance. Each ready column's price is lowered by {@code min - d[j]} (its
 *       distance below the final level), which keeps every row's column a row minimum, and the
 *       alternating path is flipped.</li>
 * </ol>
 *
 * <p><b>Rectangular matrices</b> ({@code n < m}) are solved exactly as the square problem padded with
 * {@code m - n} dummy rows of one constant {@code K} (every completion of the real rows costs the same
 * {@code (m - n)·K}, so the padding changes no optimum; truncating columns would). {@code K} is the smallest
 * cost, i.e. zero rows after shifting costs to a minimum of zero. The dummy rows are implicit: column
 * reduction then gives every column the price {@code K}, a column whose minimum is a dummy's is simply left
 * free, and dummy rows are never scanned. That is exact because prices only ever decrease, and only on
 * columns held by real rows, so the free columns keep the highest price; at the end the dummies take the
 * free columns, each a minimum of {@code K - v[j]}, and the padded solution satisfies the optimality
 * conditions. No dummy row is ever scanned, so the work grows with n·m, not with m².
 *
 * <p><b>Floating point.</b> Comparisons are exact (no epsilons). With integer-valued costs below
 * 2<sup>53</sup> every price and distance is an exact integer and the optimum is exact. Two guards keep
 * rounding from harming the search. In augmenting row reduction a price decrease that rounds away
 * (nothing changed) is handled like a tie, and immediate re-processing is bounded per pass (4·m); rows
 * beyond the bound wait for the next pass or the augmentation phase, which is exact whatever it is
 * given. In augmentation a distance that rounds below the current level is clamped to the level, which
 * keeps the search monotone.
 */
public final class LapjvAllocator implements Allocator {

    /**
     * Immediate re-processings allowed per row-reduction pass, per column. Unbounded, the zero-increment
     * price war of augmenting row reduction on uniform random reals ran ~100·m re-processings (each O(m))
     * at m = 2000 and took longer than the shortest paths it saves; 4·m was fastest there.
     */
    private static final long REPROCESS_BUDGET_PER_COLUMN = 4L;

    /** Passes of augmenting row reduction, as in the paper. */
    private static final int DEFAULT_ROW_REDUCTION_PASSES = 2;

    private final int rowReductionPasses;

    /** The algorithm as published: two passes of augmenting row reduction. */
    public LapjvAllocator() {
        this(DEFAULT_ROW_REDUCTION_PASSES);
    }

    /**
     * For tests: fewer passes leave more free rows to the augmentation phase, so that phase is exercised
     * on small matrices too. Any number of passes gives the optimum.
     */
    LapjvAllocator(int rowReductionPasses) {
        if (rowReductionPasses < 0) {
            throw new IllegalArgumentException("rowReductionPasses must be >= 0, got " + rowReductionPasses);
        }
        this.rowReductionPasses = rowReductionPasses;
    }

    @Override
    public Assignment assign(double[][] cost) {
        CostMatrices.validate(cost);
        return Assignment.of(cost, solve(cost));
    }

    @Override
    public String name() {
        return "lapjv";
    }

    @Override
    public String toString() {
        return "LapjvAllocator[rowReductionPasses=" + rowReductionPasses + "]";
    }

    /** The column of each row; {@code cost} is valid, {@code n <= m}. */
    private int[] solve(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        if (m == 1) {
            return new int[] {0};
        }
        int[] x = new int[n]; // column of row, -1 = free
        int[] y = new int[m]; // real row of column, -1 = free (or held by an implicit dummy row)
        double[] v = new double[m];
        int[] free = new int[n];

        int numFree = columnReductionAndTransfer(cost, n, m, x, y, v, free);
        for (int pass = 0; pass < rowReductionPasses && numFree > 0; pass++) {
            numFree = augmentingRowReduction(cost, m, x, y, v, free, numFree);
        }
        augment(cost, m, x, y, v, free, numFree);
        return x;
    }

    /**
     * Phases 1 and 2. Fills {@code x}, {@code y}, {@code v} and the list of free rows; returns its length.
     * For {@code n < m} the {@code m - n} implicit dummy rows (constant = the smallest cost) take part in
     * the column minima; a column whose minimum is a dummy's is left free.
     */
    private static int columnReductionAndTransfer(double[][] c, int n, int m, int[] x, int[] y, double[] v,
                                                  int[] free) {
        // Column minima, lowest row index on ties; scanned row by row for cache locality.
        int[] argmin = new int[m];
        System.arraycopy(c[0], 0, v, 0, m);
        for (int i = 1; i < n; i++) {
            double[] row = c[i];
            for (int j = 0; j < m; j++) {
                if (row[j] < v[j]) {
                    v[j] = row[j];
                    argmin[j] = i;
                }
            }
        }
        if (n < m) {
            // Dummy rows come after the real ones, so they win a column only when strictly cheaper.
            double dummy = v[0];
            for (int j = 1; j < m; j++) {
                dummy = Math.min(dummy, v[j]);
            }
            for (int j = 0; j < m; j++) {
                if (dummy < v[j]) {
                    v[j] = dummy;
                    argmin[j] = -1;
                }
            }
        }
        int[] matches = new int[n];
        Arrays.fill(x, -1);
        for (int j = m - 1; j >= 0; j--) {
            int i = argmin[j];
            if (i >= 0 && matches[i]++ == 0) {
                x[i] = j;
                y[j] = i;
            } else {
                y[j] = -1;
            }
        }
        // Reduction transfer from rows that hold exactly one column; collect rows that hold none.
        int numFree = 0;
        for (int i = 0; i < n; i++) {
            if (matches[i] == 0) {
                free[numFree++] = i;
            } else if (matches[i] == 1) {
                double[] row = c[i];
                int j1 = x[i];
                double mu = Double.POSITIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    if (j != j1) {
                        double h = row[j] - v[j];
                        if (h < mu) {
                            mu = h;
                        }
                    }
                }
                // Reduced cost of (i, j1) is exactly 0 here (v[j1] == row[j1]); move mu onto the column.
                v[j1] -= mu;
            }
        }
        return numFree;
    }

    /**
     * Phase 3, one pass over the {@code numFree} rows listed in {@code free}; returns the rows still free,
     * compacted at the front of {@code free}.
     */
    private static int augmentingRowReduction(double[][] c, int m, int[] x, int[] y, double[] v, int[] free,
                                              int numFree) {
        int k = 0;
        int previous = numFree;
        int stillFree = 0; // write index; never overtakes the read index k
        long budget = REPROCESS_BUDGET_PER_COLUMN * m + previous; // immediate re-processings allowed
        while (k < previous) {
            int i = free[k++];
            double[] row = c[i];
            double u1 = row[0] - v[0];
            int j1 = 0;
            double u2 = Double.POSITIVE_INFINITY;
            int j2 = -1;
            for (int j = 1; j < m; j++) {
                double h = row[j] - v[j];
                if (h < u2) {
                    if (h >= u1) {
                        u2 = h;
                        j2 = j;
                    } else {
                        u2 = u1;
                        j2 = j1;
                        u1 = h;
                        j1 = j;
                    }
                }
            }
            int i0 = y[j1];
            boolean again = false;
            if (u1 < u2) {
                // Lower the price of j1 so that it ties with j2 for row i.
                double lowered = v[j1] - (u2 - u1);
                again = lowered < v[j1];
                v[j1] = lowered;
            } else if (i0 >= 0) {
                // Tie: no price change possible; take j2 (it may be free), the displaced row waits.
                j1 = j2;
                i0 = y[j2];
            }
            x[i] = j1;
            y[j1] = i;
            if (i0 >= 0) {
                x[i0] = -1;
                if (again && budget-- > 0) {
                    free[--k] = i0; // j1 became dearer for i0 as well: re-process i0 now
                } else {
                    free[stillFree++] = i0;
                }
            }
        }
        return stillFree;
    }

    /** Phase 4: a shortest augmenting path (Dijkstra over reduced costs) from every free row. */
    private static void augment(double[][] c, int m, int[] x, int[] y, double[] v, int[] free, int numFree) {
        double[] d = new double[m];
        int[] pred = new int[m];
        int[] cols = new int[m]; // [0, low) ready, [low, up) todo, [up, m) not reached
        for (int f = 0; f < numFree; f++) {
            int freeRow = free[f];
            double[] frow = c[freeRow];
            for (int j = 0; j < m; j++) {
                d[j] = frow[j] - v[j];
                pred[j] = freeRow;
                cols[j] = j;
            }
            int low = 0;
            int up = 0;
            int end = -1;
            double min = 0.0;
            while (end < 0) {
                if (up == low) {
                    // Collect the next distance level: all unreached columns at the minimum distance.
                    min = d[cols[up++]];
                    for (int k = up; k < m; k++) {
                        int j = cols[k];
                        double h = d[j];
                        if (h <= min) {
                            if (h < min) {
                                up = low;
                                min = h;
                            }
                            cols[k] = cols[up];
                            cols[up++] = j;
                        }
                    }
                    for (int k = low; k < up; k++) {
                        if (y[cols[k]] < 0) {
                            end = cols[k];
                            break;
                        }
                    }
                }
                if (end < 0) {
                    // Scan one todo column: relax the columns reachable through its row.
                    int j1 = cols[low++];
                    int i = y[j1];
                    double[] row = c[i];
                    double h = row[j1] - v[j1] - min;
                    for (int k = up; k < m; k++) {
                        int j = cols[k];
                        double dist = row[j] - v[j] - h;
                        if (dist < d[j]) {
                            pred[j] = i;
                            if (dist <= min) { // == min in exact arithmetic; clamp rounding
                                d[j] = min;
                                if (y[j] < 0) {
                                    end = j;
                                    break;
                                }
                                cols[k] = cols[up];
                                cols[up++] = j;
                            } else {
                                d[j] = dist;
                            }
                        }
                    }
                }
            }
            // Lower each ready column's price by min - d[j]: every row's column stays a row minimum.
            for (int k = 0; k < low; k++) {
                int j = cols[k];
                v[j] += d[j] - min;
            }
            // Flip the alternating path ending at the free column 'end'.
            int i;
            do {
                i = pred[end];
                y[end] = i;
                int next = x[i];
                x[i] = end;
                end = next;
            } while (i != freeRow);
        }
    }
}
