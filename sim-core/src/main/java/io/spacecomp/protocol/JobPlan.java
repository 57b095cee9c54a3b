package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;

import java.util.List;

/**
 * The coordinator's decisions for one job.
 *
 * @param allocations     collector → mapper, in data-id order (collector i has data id i + 1)
 * @param reducer         the reducer satellite
 * @param allocationCost  total cost of the allocation in the planner's cost kind
 * @param distance        total collector → mapper hops
 * @param reduceDistance  total mapper → reducer hops (collector → reducer when skipping map)
 */
public record JobPlan(List<Allocation> allocations, SatId reducer, double allocationCost, int distance, int reduceDistance) {

    public JobPlan {
        allocations = List.copyOf(allocations);
    }

    /** One collector and the mapper it streams to. */
    public record Allocation(SatId collector, SatId mapper) {
    }
}
