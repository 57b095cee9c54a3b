package io.spacecomp.scenario;

import io.spacecomp.placement.CostKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The strategies a study compares: every combination of allocator, reducer placement and router runs on
 * the same seeded draws.
 *
 * @param allocators random, eager, bipartite (hungarian), lapjv
 * @param reducers   los, center, median
 * @param routers    manhattan, distance-aware, optimal, shortest
 * @param costKind   what the allocator minimises
 */
public record Compare(List<String> allocators, List<String> reducers, List<String> routers, CostKind costKind) {

    public Compare {
        allocators = List.copyOf(allocators);
        reducers = List.copyOf(reducers);
        routers = List.copyOf(routers);
    }

    /** One combination. */
    public record Strategy(String allocator, String reducer, String router) {
        /** A label such as {@code bipartite/center/distance-aware}. */
        public String label() {
            return allocator + "/" + reducer + "/" + router;
        }
    }

    /** Every combination, routers outermost, then reducers, then allocators: a fixed order. */
    public List<Strategy> strategies() {
        List<Strategy> out = new ArrayList<>();
        for (String router : routers) {
            for (String reducer : reducers) {
                for (String allocator : allocators) {
                    out.add(new Strategy(allocator, reducer, router));
                }
            }
        }
        return out;
    }
}
