package io.spacecomp.experiments;

import java.util.List;

/** The experiments by name, in the paper's figure order. */
public final class Experiments {

    /** Every experiment, figure 3 to figure 10. */
    public static final List<Experiment<?>> ALL = List.of(new RoutingDistanceExperiment(), new RoutingHopsExperiment(),
            new MapAllocationExperiment(), new MapCostExperiment(), new ReducePlacementExperiment(),
            new ReductionFactorExperiment(), new MapContentionExperiment(), new ReduceContentionExperiment());

    /** Every experiment's name, in figure order. */
    public static final List<String> NAMES = ALL.stream().map(Experiment::name).toList();

    private Experiments() {
    }

    /** The experiment called {@code name}. */
    public static Experiment<?> byName(String name) {
        for (Experiment<?> e : ALL) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + name + "' (allowed: " + String.join(", ", NAMES) + ")");
    }
}
