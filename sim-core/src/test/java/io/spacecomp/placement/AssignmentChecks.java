package io.spacecomp.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/** Shared assertions on allocator results. */
final class AssignmentChecks {

    private AssignmentChecks() {
    }

    /** One column per row, each in range and distinct, and the reported total equals the row-order sum. */
    static void assertValid(double[][] cost, Assignment a, String context) {
        int n = cost.length;
        int m = cost[0].length;
        int[] cols = a.columnOfRow();
        assertEquals(n, cols.length, () -> context + ": rows assigned");
        boolean[] seen = new boolean[m];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            int j = cols[i];
            if (j < 0 || j >= m) {
                fail(context + ": row " + i + " got column " + j + " outside 0.." + (m - 1));
            }
            if (seen[j]) {
                fail(context + ": column " + j + " used twice in " + Arrays.toString(cols));
            }
            seen[j] = true;
            sum += cost[i][j];
        }
        assertEquals(sum, a.totalCost(), 0.0, () -> context + ": reported total vs sum of chosen costs");
    }

    /** Exact equality for integer-valued matrices, 1e-9 relative otherwise. */
    static void assertSameCost(double expected, double actual, boolean exact, String context) {
        if (exact) {
            assertEquals(expected, actual, 0.0, context);
        } else {
            double tol = 1e-9 * Math.max(1.0, Math.abs(expected));
            assertTrue(Math.abs(expected - actual) <= tol,
                    () -> context + ": expected " + expected + " got " + actual);
        }
    }

    static String describe(double[][] c) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : c) {
            sb.append(Arrays.toString(row));
        }
        return sb.toString();
    }
}
