package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.placement.Allocator;
import io.spacecomp.placement.Allocators;
import io.spacecomp.placement.Assignment;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.RouteCosts;
import io.spacecomp.placement.CostModel;
import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.routing.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The coordinator's planning step (SPEC §5–6): the first k AOI satellites collect, the next k are
 * candidate mappers; the allocator assigns each collector a mapper on the chosen cost; the reducer is
 * placed; the hop totals {@code distance} and {@code reduce_distance} are counted along the router's paths.
 */
public final class JobPlanner {

    private final Torus torus;
    private final Router router;
    private final CostKind costKind;
    private final CostModel costModel;
    private final Predicate<SatId> up;

    public JobPlanner(Torus torus, Router router, CostKind costKind, CostModel costModel) {
        this(torus, router, costKind, costModel, id -> true);
    }

    /** A planner for a shell where some satellites are down: reducers are placed on satellites that are up. */
    public JobPlanner(Torus torus, Router router, CostKind costKind, CostModel costModel, Predicate<SatId> up) {
        this.torus = torus;
        this.router = router;
        this.costKind = costKind;
        this.costModel = costModel;
        this.up = up;
    }

    public Router router() {
        return router;
    }

    /**
     * @throws IllegalArgumentException naming the field when the job cannot be planned
     */
    public JobPlan plan(JobSpec spec, SatId los, double nowS) {
        spec.validate();
        for (SatId s : spec.aoi()) {
            if (s.sat() > torus.satsPerPlane() || s.orb() > torus.planes()) {
                throw new IllegalArgumentException("aoi satellite " + s + " is outside the shell (sat 1.."
                        + torus.satsPerPlane() + ", orb 1.." + torus.planes() + ")");
            }
        }
        SatId fixedReducer = spec.fixedReducer();
        if (fixedReducer != null && (fixedReducer.sat() > torus.satsPerPlane() || fixedReducer.orb() > torus.planes())) {
            throw new IllegalArgumentException("reducer " + fixedReducer + " is outside the shell (sat 1.."
                    + torus.satsPerPlane() + ", orb 1.." + torus.planes() + ")");
        }
        ReducerPlacement placement = fixedReducer != null ? null : ReducerPlacement.parse(spec.reducerPlacement());
        Allocator allocator = Allocators.byName(spec.allocator(), spec.seed());
        int k = spec.collectors();
        List<SatId> collectors = spec.aoi().subList(0, k);
        List<SatId> candidates = spec.aoi().subList(k, 2 * k);
        double[][] cost = RouteCosts.build(collectors, candidates, router, nowS, costKind, costModel);
        Assignment assignment = allocator.assign(cost);
        List<JobPlan.Allocation> allocations = new ArrayList<>(k);
        List<SatId> mappers = new ArrayList<>(k);
        int distance = 0;
        for (int i = 0; i < k; i++) {
            SatId mapper = candidates.get(assignment.columnOfRow()[i]);
            allocations.add(new JobPlan.Allocation(collectors.get(i), mapper));
            mappers.add(mapper);
            distance += router.route(collectors.get(i), mapper, nowS).hopCount();
        }
        boolean skipMap = spec.combineTask() != null && !spec.combineTask().isEmpty();
        List<SatId> reduceSources = skipMap ? collectors : mappers;
        SatId reducer = fixedReducer != null ? fixedReducer
                : placement.place(reduceSources, los, torus, router, nowS, costKind, costModel, up);
        int reduceDistance = 0;
        for (SatId s : reduceSources) {
            reduceDistance += router.route(s, reducer, nowS).hopCount();
        }
        return new JobPlan(allocations, reducer, assignment.totalCost(), distance, reduceDistance);
    }
}
