package io.spacecomp.placement;

import static io.spacecomp.placement.AssignmentChecks.assertSameCost;
import static io.spacecomp.placement.AssignmentChecks.assertValid;
import static io.spacecomp.placement.AssignmentChecks.describe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The exact allocators (Hungarian, LAPJV) against a brute-force oracle and against each other. */
class OptimalAllocatorsTest {

    private static final Allocator HUNGARIAN = new HungarianAllocator();
    private static final Allocator LAPJV = new LapjvAllocator();
    private static final List<Allocator> EXACT = List.of(HUNGARIAN, LAPJV);
    /** LAPJV with 0 or 1 row-reduction passes: more free rows reach (and test) the augmentation phase. */
    private static final List<Allocator> LAPJV_VARIANTS = List.of(new LapjvAllocator(0), new LapjvAllocator(1));
    private static final List<Allocator> ORACLE_CHECKED = List.of(HUNGARIAN, LAPJV, LAPJV_VARIANTS.get(0),
            LAPJV_VARIANTS.get(1));

    /**
     * Draws {@code count} matrices with n in 1..8 and m in n..8 (or m in n+1..8 when {@code strictlyWide}),
     * and checks both exact allocators against brute force. Returns the number of matrices checked.
     */
    private static int checkAgainstBruteForce(String category, long seed, int count, boolean strictlyWide,
                                              boolean exact, BiFunction<SplittableRandom, int[], double[][]> gen) {
        SplittableRandom r = new SplittableRandom(seed);
        int checked = 0;
        for (int t = 0; t < count; t++) {
            int n = strictlyWide ? 1 + r.nextInt(7) : 1 + r.nextInt(8);
            int m = strictlyWide ? n + 1 + r.nextInt(8 - n) : n + r.nextInt(9 - n);
            double[][] c = gen.apply(r, new int[] {n, m});
            double[][] original = Matrices.deepCopy(c);
            double best = BruteForce.minimumCost(c);
            for (Allocator a : ORACLE_CHECKED) {
                String ctx = category + " #" + t + " " + a + " " + n + "x" + m + " " + describe(c);
                Assignment result = a.assign(c);
                assertValid(c, result, ctx);
                assertSameCost(best, result.totalCost(), exact, ctx);
            }
            for (int i = 0; i < n; i++) {
                assertArrayEquals(original[i], c[i], "input matrix modified");
            }
            checked++;
        }
        return checked;
    }

    @Test
    void smallIntegersWithManyTiesMatchBruteForce() {
        int checked = checkAgainstBruteForce("ties0..3", 1L, 4000, false, true,
                (r, nm) -> Matrices.integers(r, nm[0], nm[1], 3));
        checked += checkAgainstBruteForce("ties0..1", 2L, 1000, false, true,
                (r, nm) -> Matrices.integers(r, nm[0], nm[1], 1));
        assertEquals(5000, checked);
    }

    @Test
    void matricesWithManyZerosMatchBruteForce() {
        int checked = checkAgainstBruteForce("zeros", 3L, 2500, false, true,
                (r, nm) -> Matrices.sparseZeros(r, nm[0], nm[1], 0.5 + 0.45 * r.nextDouble()));
        assertEquals(2500, checked);
    }

    @Test
    void realValuedMatricesMatchBruteForce() {
        int checked = checkAgainstBruteForce("reals", 4L, 2000, false, false,
                (r, nm) -> Matrices.reals(r, nm[0], nm[1], 0.0, 1.0));
        checked += checkAgainstBruteForce("signed-reals", 5L, 500, false, false,
                (r, nm) -> Matrices.reals(r, nm[0], nm[1], -1e3, 1e3));
        assertEquals(2500, checked);
    }

    @Test
    void rectangularMatricesMatchBruteForce() {
        int checked = checkAgainstBruteForce("wide-ints", 6L, 1500, true, true,
                (r, nm) -> Matrices.integers(r, nm[0], nm[1], 1 + r.nextInt(9)));
        checked += checkAgainstBruteForce("wide-reals", 7L, 1000, true, false,
                (r, nm) -> Matrices.reals(r, nm[0], nm[1], 0.0, 100.0));
        assertEquals(2500, checked);
    }

    @Test
    void negativeAndLargeIntegersMatchBruteForce() {
        int checked = checkAgainstBruteForce("wide-range", 8L, 1000, false, true,
                (r, nm) -> {
                    double[][] c = Matrices.integers(r, nm[0], nm[1], 2_000_000);
                    for (double[] row : c) {
                        for (int j = 0; j < row.length; j++) {
                            row[j] -= 1_000_000;
                        }
                    }
                    return c;
                });
        assertEquals(1000, checked);
    }

    @Test
    void lapjvIsNeverSuboptimalOnRandom3x3IntegerMatrices() {
        SplittableRandom r = new SplittableRandom(33L);
        int[] ranges = {1, 2, 3, 9, 99};
        int suboptimal = 0;
        String firstBad = null;
        for (int t = 0; t < 100_000; t++) {
            double[][] c = Matrices.integers(r, 3, 3, ranges[t % ranges.length]);
            Assignment a = LAPJV.assign(c);
            assertValid(c, a, "3x3 #" + t);
            if (a.totalCost() != BruteForce.minimumCost(c)) {
                suboptimal++;
                if (firstBad == null) {
                    firstBad = describe(c);
                }
            }
        }
        assertEquals(0, suboptimal, "sub-optimal LAPJV answers; first: " + firstBad);

        for (Allocator variant : LAPJV_VARIANTS) {
            SplittableRandom rv = new SplittableRandom(34L);
            for (int t = 0; t < 20_000; t++) {
                double[][] c = Matrices.integers(rv, 3, 3, ranges[t % ranges.length]);
                assertEquals(BruteForce.minimumCost(c), variant.assign(c).totalCost(), 0.0,
                        variant + " 3x3 #" + t + " " + describe(c));
            }
        }
    }

    @Test
    void hungarianEqualsLapjvOnLargeRandomMatrices() {
        SplittableRandom r = new SplittableRandom(300L);
        for (int[] nm : new int[][] {{300, 300}, {300, 500}}) {
            double[][] reals = Matrices.reals(r, nm[0], nm[1], 0.0, 1.0);
            Assignment h = HUNGARIAN.assign(reals);
            Assignment l = LAPJV.assign(reals);
            for (Allocator variant : LAPJV_VARIANTS) {
                assertSameCost(h.totalCost(), variant.assign(reals).totalCost(), false, variant + " reals");
            }
            assertValid(reals, h, "hungarian reals " + nm[0] + "x" + nm[1]);
            assertValid(reals, l, "lapjv reals " + nm[0] + "x" + nm[1]);
            assertSameCost(h.totalCost(), l.totalCost(), false, "reals " + nm[0] + "x" + nm[1]);

            double[][] ints = Matrices.integers(r, nm[0], nm[1], 1000);
            Assignment hi = HUNGARIAN.assign(ints);
            Assignment li = LAPJV.assign(ints);
            for (Allocator variant : LAPJV_VARIANTS) {
                assertEquals(hi.totalCost(), variant.assign(ints).totalCost(), 0.0, variant + " ints");
            }
            assertValid(ints, hi, "hungarian ints " + nm[0] + "x" + nm[1]);
            assertValid(ints, li, "lapjv ints " + nm[0] + "x" + nm[1]);
            assertEquals(hi.totalCost(), li.totalCost(), 0.0, "ints " + nm[0] + "x" + nm[1]);
        }
    }

    @Test
    void hungarianEqualsLapjvOnMediumMatricesWithHeavyTies() {
        SplittableRandom r = new SplittableRandom(50L);
        for (int t = 0; t < 300; t++) {
            int n = 10 + r.nextInt(60);
            int m = n + (t % 3 == 0 ? r.nextInt(40) : 0);
            double[][] c = t % 2 == 0 ? Matrices.integers(r, n, m, 1 + r.nextInt(4))
                    : Matrices.sparseZeros(r, n, m, 0.9);
            Assignment h = HUNGARIAN.assign(c);
            Assignment l = LAPJV.assign(c);
            for (Allocator variant : LAPJV_VARIANTS) {
                assertEquals(h.totalCost(), variant.assign(c).totalCost(), 0.0, variant + " #" + t);
            }
            assertValid(c, h, "hungarian #" + t);
            assertValid(c, l, "lapjv #" + t);
            assertEquals(h.totalCost(), l.totalCost(), 0.0, "#" + t + " " + n + "x" + m);
        }
    }

    @Test
    void veryWideMatricesMatchBruteForceAndHungarian() {
        // Few rows over many columns: most columns end up held by LAPJV's implicit dummy rows.
        SplittableRandom r = new SplittableRandom(77L);
        for (int t = 0; t < 300; t++) {
            int n = 1 + r.nextInt(4);
            int m = n * n + 1 + r.nextInt(n <= 3 ? 30 : 6);
            double[][] c = t % 2 == 0 ? Matrices.integers(r, n, m, 1 + r.nextInt(3))
                    : Matrices.reals(r, n, m, 0.0, 1.0);
            double best = BruteForce.minimumCost(c);
            for (Allocator a : ORACLE_CHECKED) {
                String ctx = "wide #" + t + " " + a + " " + n + "x" + m;
                Assignment result = a.assign(c);
                assertValid(c, result, ctx);
                assertSameCost(best, result.totalCost(), t % 2 == 0, ctx);
            }
        }
        for (int t = 0; t < 20; t++) {
            int n = 5 + r.nextInt(20);
            double[][] c = Matrices.integers(r, n, 2000, 1 + r.nextInt(50));
            Assignment h = HUNGARIAN.assign(c);
            Assignment l = LAPJV.assign(c);
            assertValid(c, l, "lapjv wide " + n + "x2000");
            assertEquals(h.totalCost(), l.totalCost(), 0.0, "wide " + n + "x2000");
        }
    }

    @Test
    void oneByOne() {
        double[][] c = {{-4.5}};
        for (Allocator a : EXACT) {
            Assignment result = a.assign(c);
            assertArrayEquals(new int[] {0}, result.columnOfRow(), a.name());
            assertEquals(-4.5, result.totalCost(), 0.0, a.name());
        }
    }

    @Test
    void oneRowTakesTheCheapestColumn() {
        double[][] c = {{5, 3, 7, 1, 9, 2}};
        for (Allocator a : EXACT) {
            Assignment result = a.assign(c);
            assertArrayEquals(new int[] {3}, result.columnOfRow(), a.name());
            assertEquals(1.0, result.totalCost(), 0.0, a.name());
        }
    }

    @Test
    void wideMatricesWithNegativeCosts() {
        // A naive zero-row padding without care would leave column 0 (price -5) free here and answer -3.
        double[][] oneRow = {{-5, -3}};
        double[][] twoRows = {{-1, -5, -3}, {-2, -4, -9}};
        for (Allocator a : ORACLE_CHECKED) {
            assertArrayEquals(new int[] {0}, a.assign(oneRow).columnOfRow(), a.toString());
            assertArrayEquals(new int[] {1, 2}, a.assign(twoRows).columnOfRow(), a.toString());
            assertEquals(-14.0, a.assign(twoRows).totalCost(), 0.0, a.toString());
        }
    }

    @Test
    void allEqualMatrixCostsRowsTimesValue() {
        for (int[] nm : new int[][] {{1, 1}, {1, 5}, {4, 4}, {5, 9}, {30, 30}, {20, 500}}) {
            double[][] c = new double[nm[0]][nm[1]];
            for (double[] row : c) {
                Arrays.fill(row, 2.5);
            }
            for (Allocator a : EXACT) {
                Assignment result = a.assign(c);
                assertValid(c, result, a.name() + " all-equal " + nm[0] + "x" + nm[1]);
                assertEquals(2.5 * nm[0], result.totalCost(), 0.0, a.name());
            }
        }
    }

    @Test
    void allZeroAndIdentityLikeMatrices() {
        for (Allocator a : EXACT) {
            assertEquals(0.0, a.assign(new double[8][8]).totalCost(), 0.0, a.name());
            double[][] antiIdentity = new double[6][6];
            for (int i = 0; i < 6; i++) {
                Arrays.fill(antiIdentity[i], 1.0);
                antiIdentity[i][5 - i] = 0.0;
            }
            Assignment result = a.assign(antiIdentity);
            assertArrayEquals(new int[] {5, 4, 3, 2, 1, 0}, result.columnOfRow(), a.name());
            assertEquals(0.0, result.totalCost(), 0.0, a.name());
        }
    }

    @Test
    void knownOptimumOfAClassicExample() {
        double[][] c = {
            {4, 1, 3},
            {2, 0, 5},
            {3, 2, 2},
        };
        // The six permutations cost 6, 11, 5, 9, 7, 6 (column lists 012, 021, 102, 120, 201, 210):
        // the unique optimum is 0->1, 1->0, 2->2 at 1 + 2 + 2 = 5.
        for (Allocator a : EXACT) {
            Assignment result = a.assign(c);
            assertArrayEquals(new int[] {1, 0, 2}, result.columnOfRow(), a.name());
            assertEquals(5.0, result.totalCost(), 0.0, a.name());
        }
        assertEquals(5.0, BruteForce.minimumCost(c), 0.0);
    }

    @Test
    void optimalIsNeverWorseThanEagerOrRandom() {
        SplittableRandom r = new SplittableRandom(11L);
        for (int t = 0; t < 200; t++) {
            int n = 1 + r.nextInt(40);
            int m = n + r.nextInt(20);
            double[][] c = Matrices.reals(r, n, m, 0.0, 10.0);
            double opt = LAPJV.assign(c).totalCost();
            assertTrue(opt <= new EagerAllocator().assign(c).totalCost() + 1e-9);
            assertTrue(opt <= new RandomAllocator(t).assign(c).totalCost() + 1e-9);
        }
    }
}
