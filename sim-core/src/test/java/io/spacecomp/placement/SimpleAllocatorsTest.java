package io.spacecomp.placement;

import static io.spacecomp.placement.AssignmentChecks.assertValid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The random and eager allocators. */
class SimpleAllocatorsTest {

    @Test
    void randomIsDeterministicForASeed() {
        double[][] c = Matrices.reals(new SplittableRandom(1), 10, 25, 0, 1);
        Assignment a = new RandomAllocator(42).assign(c);
        Assignment b = new RandomAllocator(42).assign(c);
        assertEquals(a, b);
        assertArrayEquals(a.columnOfRow(), new RandomAllocator(42).assign(c).columnOfRow());
        // Calling the same instance again gives the same answer too: it holds no state.
        RandomAllocator same = new RandomAllocator(42);
        assertEquals(same.assign(c), same.assign(c));
        assertEquals(42L, same.seed());
        assertEquals("random", same.name());
    }

    @Test
    void randomDiffersAcrossSeedsAndIsAlwaysValid() {
        SplittableRandom r = new SplittableRandom(2);
        Set<List<Integer>> distinct = new HashSet<>();
        for (int seed = 0; seed < 500; seed++) {
            int n = 1 + r.nextInt(12);
            int m = n + r.nextInt(12);
            double[][] c = Matrices.integers(r, n, m, 5);
            Assignment a = new RandomAllocator(seed).assign(c);
            assertValid(c, a, "random seed " + seed);
        }
        double[][] c = new double[6][6];
        for (int seed = 0; seed < 50; seed++) {
            int[] cols = new RandomAllocator(seed).assign(c).columnOfRow();
            distinct.add(Arrays.stream(cols).boxed().toList());
        }
        assertTrue(distinct.size() > 40, "50 seeds gave only " + distinct.size() + " distinct permutations of 6");
    }

    @Test
    void randomIsUniformOverInjectiveAssignments() {
        // 2 rows over 3 columns: 6 injective assignments, each should appear ~1/6 of the time.
        double[][] c = new double[2][3];
        Map<String, Integer> counts = new HashMap<>();
        int draws = 60_000;
        for (int seed = 0; seed < draws; seed++) {
            int[] cols = new RandomAllocator(seed).assign(c).columnOfRow();
            counts.merge(cols[0] + "," + cols[1], 1, Integer::sum);
        }
        assertEquals(6, counts.size(), counts.toString());
        double chi2 = 0;
        for (int k : counts.values()) {
            double e = draws / 6.0;
            chi2 += (k - e) * (k - e) / e;
        }
        assertTrue(chi2 < 25.0, "chi-square with 5 degrees of freedom = " + chi2 + " " + counts);
    }

    @Test
    void eagerMatchesHandWorkedExample() {
        double[][] c = {
            {4, 1, 3, 9},
            {2, 0, 5, 9},
            {3, 2, 2, 1},
        };
        // Row 0 takes column 1 (cost 1); row 1's cheapest free is column 0 (2); row 2's is column 3 (1).
        Assignment a = new EagerAllocator().assign(c);
        assertArrayEquals(new int[] {1, 0, 3}, a.columnOfRow());
        assertEquals(4.0, a.totalCost(), 0.0);

        // Greedy is not optimal: row 0 grabs column 0, forcing row 1 onto its expensive column.
        double[][] trap = {
            {1, 2},
            {1, 100},
        };
        Assignment t = new EagerAllocator().assign(trap);
        assertArrayEquals(new int[] {0, 1}, t.columnOfRow());
        assertEquals(101.0, t.totalCost(), 0.0);
        assertEquals(3.0, new HungarianAllocator().assign(trap).totalCost(), 0.0);
    }

    @Test
    void eagerBreaksTiesByLowestColumn() {
        double[][] c = {
            {5, 2, 2, 2},
            {2, 2, 2, 2},
            {7, 7, 7, 7},
        };
        Assignment a = new EagerAllocator().assign(c);
        assertArrayEquals(new int[] {1, 0, 2}, a.columnOfRow());
        assertEquals(11.0, a.totalCost(), 0.0);
        assertEquals("eager", new EagerAllocator().name());
    }

    @Test
    void eagerIsValidOnRandomMatrices() {
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 500; t++) {
            int n = 1 + r.nextInt(15);
            int m = n + r.nextInt(15);
            double[][] c = Matrices.integers(r, n, m, 3);
            Assignment a = new EagerAllocator().assign(c);
            assertValid(c, a, "eager #" + t);
            // Each row got the cheapest column among those not taken by earlier rows.
            boolean[] taken = new boolean[m];
            int[] cols = a.columnOfRow();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    if (!taken[j]) {
                        assertTrue(c[i][j] > c[i][cols[i]] || (c[i][j] == c[i][cols[i]] && j >= cols[i]),
                                "row " + i + " skipped a cheaper or equal lower free column " + j);
                    }
                }
                taken[cols[i]] = true;
            }
        }
    }

    @Test
    void degenerateShapesForSimpleAllocators() {
        double[][] one = {{3.0}};
        double[][] row = {{4, 2, 2, 8}};
        for (Allocator a : List.of(new RandomAllocator(5), new EagerAllocator())) {
            assertArrayEquals(new int[] {0}, a.assign(one).columnOfRow(), a.name());
            assertValid(row, a.assign(row), a.name());
        }
        assertArrayEquals(new int[] {1}, new EagerAllocator().assign(row).columnOfRow());
        assertNotEquals(new RandomAllocator(1), new RandomAllocator(2));
    }
}
