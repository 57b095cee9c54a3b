package io.spacecomp.placement;

/**
 * The greedy assignment of SPEC §5 ({@code eager}): rows are taken in order and each takes its cheapest
 * column not yet taken; ties go to the lowest column index. O(n·m), deterministic, not optimal.
 */
public final class EagerAllocator implements Allocator {

    @Override
    public Assignment assign(double[][] cost) {
        CostMatrices.validate(cost);
        int n = cost.length;
        int m = cost[0].length;
        boolean[] taken = new boolean[m];
        int[] columnOfRow = new int[n];
        for (int i = 0; i < n; i++) {
            double[] row = cost[i];
            int best = -1;
            for (int j = 0; j < m; j++) {
                if (!taken[j] && (best < 0 || row[j] < row[best])) {
                    best = j;
                }
            }
            taken[best] = true;
            columnOfRow[i] = best;
        }
        return Assignment.of(cost, columnOfRow);
    }

    @Override
    public String name() {
        return "eager";
    }

    @Override
    public String toString() {
        return "EagerAllocator";
    }
}
