package io.spacecomp.scenario;

import io.spacecomp.placement.CostKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The strategies a study compares: every combination of allocator, reducer placement and router runs on
 * the same seeded draws.
 *
 * <p>Three more lists serve the paper's figures only (the reader refuses them elsewhere); each, when
 * given, is also compared on the same seeded draws: {@code inclinationsDeg} and {@code polarProtection}
 * (figures 3 and 4: every point's shell at each inclination, every router without and with polar
 * protection) and {@code reductionFactors} (figure 8: the values of F_R). Empty means not compared.
 *
 * @param allocators       random, eager, bipartite (hungarian), lapjv
 * @param reducers         los, center, median
 * @param routers          manhattan, distance-aware, optimal, shortest
 * @param costKind         what the allocator minimises
 * @param inclinationsDeg  {@code compare.inclination_deg}: the inclinations each point's shell runs at, in order
 * @param polarProtection  {@code compare.polar_protection}: each router without ({@code false}) and/or with it
 * @param reductionFactors {@code compare.f_r}: the reduction factors F_R compared
 */
public record Compare(List<String> allocators, List<String> reducers, List<String> routers, CostKind costKind,
                      List<Double> inclinationsDeg, List<Boolean> polarProtection, List<Double> reductionFactors) {

    public Compare {
        allocators = List.copyOf(allocators);
        reducers = List.copyOf(reducers);
        routers = List.copyOf(routers);
        inclinationsDeg = List.copyOf(inclinationsDeg);
        polarProtection = List.copyOf(polarProtection);
        reductionFactors = List.copyOf(reductionFactors);
    }

    /** Strategies only: none of the paper's extra lists. */
    public Compare(List<String> allocators, List<String> reducers, List<String> routers, CostKind costKind) {
        this(allocators, reducers, routers, costKind, List.of(), List.of(), List.of());
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
