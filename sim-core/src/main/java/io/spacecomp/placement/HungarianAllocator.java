package io.spacecomp.placement;

import java.util.Arrays;

/**
 * Minimum-cost assignment by the Hungarian method (Kuhn–Munkres) in its O(n²·m) shortest-augmenting-path
 * form with dual potentials (SPEC §5 {@code bipartite}).
 *
 * <p>Row potentials {@code u} and column potentials {@code v} are kept dual-feasible
 * ({@code cost[i][j] - u[i] - v[j] >= 0}) and tight on every matched pair. Rows are added one at a time;
 * for each new row a Dijkstra-like search grows an alternating tree over reduced costs: {@code minv[j]}
 * is the shortest reduced distance found so far to column {@code j} and {@code way[j]} the column it
 * came from. Each step adds the closest unvisited column to the tree and shifts the potentials of the
 * tree by that distance (keeping feasibility, making the new edge tight). When the column added is free
 * the path is flipped, matching one more row. Rectangular matrices (n &le; m) need no padding: the
 * search simply ends at any of the free columns. Each row costs O(n·m), so the total is O(n²·m).
 *
 * <p>All comparisons are exact (no tolerances); with integer-valued costs below 2<sup>53</sup> every
 * intermediate value is an exact integer, so the optimum is exact.
 */
public final class HungarianAllocator implements Allocator {

    @Override
    public Assignment assign(double[][] cost) {
        CostMatrices.validate(cost);
        int n = cost.length;
        int m = cost[0].length;
        // 1-based internally: column 0 is a virtual column holding the row being inserted.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1]; // 0 = free
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfColumn[j0];
                double[] row = cost[i0 - 1];
                double ui0 = u[i0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = row[j - 1] - ui0 - v[j];
                        if (reduced < minv[j]) {
                            minv[j] = reduced;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfColumn[j0] != 0);
            // Flip the alternating path back to the virtual column 0.
            do {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] columnOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return Assignment.of(cost, columnOfRow);
    }

    @Override
    public String name() {
        return "hungarian";
    }

    @Override
    public String toString() {
        return "HungarianAllocator";
    }
}
