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
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.UnroutableException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        return plan(spec, los, nowS, null);
    }

    /**
     * Plans with a view of which satellites are usable now (null: all): a collector-mapper pair that faults
     * keep apart costs {@link RouteCosts#UNROUTABLE_COST}, the reducer goes to the first usable satellite
     * nearest the placement rule's choice ({@link #nextReducer}), and hop totals of paths that faults block
     * count the torus distance.
     *
     * @throws IllegalArgumentException naming the field when the job cannot be planned
     */
    public JobPlan plan(JobSpec spec, SatId los, double nowS, Predicate<SatId> usable) {
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
        double[][] cost = usable == null ? RouteCosts.build(collectors, candidates, router, nowS, costKind, costModel)
                : RouteCosts.buildAround(collectors, candidates, router, nowS, costKind, costModel);
        Assignment assignment = allocator.assign(cost);
        List<JobPlan.Allocation> allocations = new ArrayList<>(k);
        List<SatId> mappers = new ArrayList<>(k);
        int distance = 0;
        for (int i = 0; i < k; i++) {
            SatId mapper = candidates.get(assignment.columnOfRow()[i]);
            allocations.add(new JobPlan.Allocation(collectors.get(i), mapper));
            mappers.add(mapper);
            distance += hops(collectors.get(i), mapper, nowS, usable != null);
        }
        boolean skipMap = spec.combineTask() != null && !spec.combineTask().isEmpty();
        List<SatId> reduceSources = skipMap ? collectors : mappers;
        SatId reducer;
        if (usable != null) {
            reducer = nextReducer(spec, reduceSources, los, nowS, usable);
            if (reducer == null) {
                throw new IllegalArgumentException("no usable satellite for the reducer: every satellite is down or unreachable");
            }
        } else {
            reducer = fixedReducer != null ? fixedReducer
                    : placement.place(reduceSources, los, torus, router, nowS, costKind, costModel, up);
        }
        int reduceDistance = 0;
        for (SatId s : reduceSources) {
            reduceDistance += hops(s, reducer, nowS, usable != null);
        }
        return new JobPlan(allocations, reducer, assignment.totalCost(), distance, reduceDistance);
    }

    private int hops(SatId from, SatId to, double nowS, boolean tolerant) {
        if (!tolerant) {
            return router.route(from, to, nowS).hopCount();
        }
        try {
            return router.route(from, to, nowS).hopCount();
        } catch (UnroutableException e) {
            return torus.hops(from, to);
        }
    }

    /**
     * The reducer's place, avoiding satellites that are not {@code usable}: the job's fixed reducer or the
     * placement rule's choice for {@code sources}, else the usable satellite nearest it on the torus
     * (breadth first, neighbours in {@link Direction} order). Null when no satellite is usable.
     */
    public SatId nextReducer(JobSpec spec, List<SatId> sources, SatId los, double nowS, Predicate<SatId> usable) {
        SatId first = spec.fixedReducer();
        if (first == null) {
            ReducerPlacement placement = ReducerPlacement.parse(spec.reducerPlacement());
            try {
                first = placement.place(sources, los, torus, router, nowS, costKind, costModel, up);
            } catch (UnroutableException e) {
                first = ReducerPlacement.center(sources, torus);
            }
        }
        Set<SatId> seen = new HashSet<>();
        ArrayDeque<SatId> queue = new ArrayDeque<>();
        queue.add(first);
        seen.add(first);
        while (!queue.isEmpty()) {
            SatId s = queue.poll();
            if (usable.test(s) && up.test(s)) {
                return s;
            }
            for (Direction d : Direction.values()) {
                SatId n = torus.neighbour(s, d);
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return null;
    }
}
