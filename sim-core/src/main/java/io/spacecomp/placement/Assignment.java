package io.spacecomp.placement;

import java.util.Arrays;

/**
 * The result of an {@link Allocator}: row {@code i} (a collector) goes to column {@code columnOfRow[i]}
 * (a mapper); no column is used twice.
 *
 * <p>The array is copied on the way in and on the way out, so an assignment is immutable. Equality,
 * hash code and {@link #toString()} use the array's contents.
 *
 * @param columnOfRow the column chosen for each row: non-negative and pairwise distinct
 * @param totalCost   the sum of the chosen costs (see {@link CostMatrices#totalCost(double[][], int[])})
 */
public record Assignment(int[] columnOfRow, double totalCost) {

    public Assignment {
        if (columnOfRow == null) {
            throw new IllegalArgumentException("columnOfRow is null");
        }
        if (Double.isNaN(totalCost)) {
            throw new IllegalArgumentException("totalCost is NaN");
        }
        columnOfRow = columnOfRow.clone();
        int[] sorted = columnOfRow.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            if (sorted[k] < 0) {
                throw new IllegalArgumentException("column " + sorted[k] + " is negative");
            }
            if (k > 0 && sorted[k] == sorted[k - 1]) {
                throw new IllegalArgumentException("column " + sorted[k] + " is assigned to more than one row");
            }
        }
    }

    /** An assignment whose total is computed from {@code cost} in row order. */
    public static Assignment of(double[][] cost, int[] columnOfRow) {
        return new Assignment(columnOfRow, CostMatrices.totalCost(cost, columnOfRow));
    }

    /** A copy of the column chosen for each row. */
    @Override
    public int[] columnOfRow() {
        return columnOfRow.clone();
    }

    /** The number of rows (collectors) assigned. */
    public int rows() {
        return columnOfRow.length;
    }

    /** The column (mapper) chosen for {@code row}. */
    public int columnOf(int row) {
        return columnOfRow[row];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Assignment a
                && Double.compare(totalCost, a.totalCost) == 0
                && Arrays.equals(columnOfRow, a.columnOfRow);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(columnOfRow) + Double.hashCode(totalCost);
    }

    @Override
    public String toString() {
        return "Assignment[columnOfRow=" + Arrays.toString(columnOfRow) + ", totalCost=" + totalCost + "]";
    }
}
