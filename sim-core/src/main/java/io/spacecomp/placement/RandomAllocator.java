package io.spacecomp.placement;

import java.util.SplittableRandom;

/**
 * A seeded, uniformly random injective assignment (SPEC §5 {@code random}); costs are ignored.
 *
 * <p>Each call draws from a fresh {@link SplittableRandom} seeded with {@link #seed()} and runs a partial
 * Fisher–Yates shuffle of the column indices: row {@code i} takes a uniformly chosen column among those
 * not yet taken. Every one of the {@code m!/(m-n)!} injective assignments is equally likely. The result
 * is a pure function of the seed and the matrix shape, so the same seed always gives the same answer and
 * an instance is safe to share; use a different seed per job for independent draws.
 *
 * @param seed the seed of the random stream
 */
public record RandomAllocator(long seed) implements Allocator {

    @Override
    public Assignment assign(double[][] cost) {
        CostMatrices.validate(cost);
        int n = cost.length;
        int m = cost[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        int[] columns = new int[m];
        for (int j = 0; j < m; j++) {
            columns[j] = j;
        }
        int[] columnOfRow = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i + random.nextInt(m - i);
            int chosen = columns[k];
            columns[k] = columns[i];
            columns[i] = chosen;
            columnOfRow[i] = chosen;
        }
        return Assignment.of(cost, columnOfRow);
    }

    @Override
    public String name() {
        return "random";
    }
}
