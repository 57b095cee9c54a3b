package io.spacecomp.placement;

/**
 * Assigns every row of a cost matrix (a collector) to a distinct column (a candidate mapper).
 *
 * <p>Implementations validate their input with {@link CostMatrices#validate(double[][])} and throw
 * {@link IllegalArgumentException} on a bad matrix; they never modify the matrix, hold no mutable state
 * and are safe to share between threads.
 */
public interface Allocator {

    /**
     * Chooses a column for each row.
     *
     * @param cost rows = collectors, columns = candidate mappers, rows &le; columns, all finite
     * @return an injective assignment and its total cost
     * @throws IllegalArgumentException if {@code cost} is not a valid cost matrix
     */
    Assignment assign(double[][] cost);

    /** The name {@link Allocators#byName(String, long)} knows this allocator by. */
    String name();
}
