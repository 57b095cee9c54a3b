/**
 * Assignment of collectors (tasks) to candidate mappers (processors) on plain cost matrices.
 *
 * <p>A cost matrix is a {@code double[][]} whose rows are the tasks and whose columns are the candidate
 * processors; it must be non-empty, rectangular, finite and have at least as many columns as rows
 * ({@link io.spacecomp.placement.CostMatrices#validate(double[][])}). An
 * {@link io.spacecomp.placement.Allocator} maps every row to a distinct column and returns an
 * {@link io.spacecomp.placement.Assignment}. Four allocators exist (SPEC §5): {@code random},
 * {@code eager}, {@code hungarian} (alias {@code bipartite}) and {@code lapjv}; the last two are exact and
 * return the same minimum total cost. This package is pure computation: no simulation kernel, no I/O,
 * no static mutable state.
 */
package io.spacecomp.placement;
