package io.spacecomp.placement;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.UnroutableException;

import java.util.List;

/** Builds task × processor cost matrices from the routes between them. */
public final class RouteCosts {

    private RouteCosts() {
    }

    /**
     * Entry [i][j] is the cost of sending task {@code tasks[i]}'s data to {@code processors[j]} along
     * {@code router}'s path leaving at {@code departureS}.
     */
    public static double[][] build(List<SatId> tasks, List<SatId> processors, Router router, double departureS,
                                   CostKind kind, CostModel model) {
        double[][] cost = new double[tasks.size()][processors.size()];
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = 0; j < processors.size(); j++) {
                cost[i][j] = kind.of(router.route(tasks.get(i), processors.get(j), departureS), model);
            }
        }
        return cost;
    }

    /** The cost of a pair no path joins now, in {@link #buildAround}: far above any real cost. */
    public static final double UNROUTABLE_COST = 1e12;

    /** As {@link #build}, but a pair the router cannot join now (a fault blocks it) costs {@link #UNROUTABLE_COST}. */
    public static double[][] buildAround(List<SatId> tasks, List<SatId> processors, Router router, double departureS,
                                         CostKind kind, CostModel model) {
        double[][] cost = new double[tasks.size()][processors.size()];
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = 0; j < processors.size(); j++) {
                try {
                    cost[i][j] = kind.of(router.route(tasks.get(i), processors.get(j), departureS), model);
                } catch (UnroutableException e) {
                    cost[i][j] = UNROUTABLE_COST;
                }
            }
        }
        return cost;
    }
}
