package io.spacecomp.placement;

/** Test oracle: the minimum total cost by enumerating every injective map of rows to columns. */
final class BruteForce {

    private BruteForce() {
    }

    /** The minimum over all injective assignments of the row-order sum of chosen costs. */
    static double minimumCost(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException("more rows than columns");
        }
        int[] chosen = new int[n];
        double[] best = {Double.POSITIVE_INFINITY};
        enumerate(cost, 0, new boolean[m], chosen, best);
        return best[0];
    }

    private static void enumerate(double[][] cost, int row, boolean[] used, int[] chosen, double[] best) {
        if (row == cost.length) {
            double total = CostMatrices.totalCost(cost, chosen);
            if (total < best[0]) {
                best[0] = total;
            }
            return;
        }
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                chosen[row] = j;
                enumerate(cost, row + 1, used, chosen, best);
                used[j] = false;
            }
        }
    }
}
