package io.spacecomp.placement;

/**
 * Checks on cost matrices shared by every {@link Allocator}.
 *
 * <p>A valid cost matrix is non-null and non-empty, rectangular (every row has the same, non-zero
 * length), has at least as many columns (candidate mappers) as rows (collectors), and holds only finite
 * values. Costs should also be of moderate magnitude so that sums of {@code rows + columns} entries stay
 * finite; exact algorithms add and subtract dual prices.
 */
public final class CostMatrices {

    private CostMatrices() {
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the first problem found, or returns normally.
     *
     * @param cost rows = collectors, columns = candidate mappers
     * @throws IllegalArgumentException if the matrix is null, empty, ragged, has fewer columns than rows
     *                                  or contains a NaN or infinite value
     */
    public static void validate(double[][] cost) {
        if (cost == null) {
            throw new IllegalArgumentException("cost matrix is null");
        }
        if (cost.length == 0) {
            throw new IllegalArgumentException("cost matrix has no rows; need at least one collector");
        }
        if (cost[0] == null) {
            throw new IllegalArgumentException("cost matrix row 0 is null");
        }
        int columns = cost[0].length;
        if (columns == 0) {
            throw new IllegalArgumentException("cost matrix has no columns; need at least one candidate mapper");
        }
        for (int i = 1; i < cost.length; i++) {
            if (cost[i] == null) {
                throw new IllegalArgumentException("cost matrix row " + i + " is null");
            }
            if (cost[i].length != columns) {
                throw new IllegalArgumentException("cost matrix is not rectangular: row 0 has " + columns
                        + " columns but row " + i + " has " + cost[i].length);
            }
        }
        if (cost.length > columns) {
            throw new IllegalArgumentException("cost matrix has " + cost.length + " rows but only " + columns
                    + " columns; need at least as many candidate mappers as collectors");
        }
        for (int i = 0; i < cost.length; i++) {
            double[] row = cost[i];
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("cost matrix entry [" + i + "][" + j + "] is " + row[j]
                            + "; all costs must be finite");
                }
            }
        }
    }

    /**
     * The cost of an assignment: {@code cost[i][columnOfRow[i]]} summed over rows in row order. Every
     * allocator reports its total this way, so the total is reproducible bit for bit.
     */
    public static double totalCost(double[][] cost, int[] columnOfRow) {
        if (columnOfRow.length != cost.length) {
            throw new IllegalArgumentException("assignment has " + columnOfRow.length
                    + " rows but the cost matrix has " + cost.length);
        }
        double total = 0.0;
        for (int i = 0; i < columnOfRow.length; i++) {
            total += cost[i][columnOfRow[i]];
        }
        return total;
    }
}
