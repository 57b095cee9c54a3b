package io.spacecomp.routing;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Label-setting shortest paths over the time-varying ISL graph: a link's length is taken at the time the
 * label reaches its sending satellite. Ordered either by distance, or by hop count then distance (the
 * fewest-hops detour when a polar cap blocks every minimal path).
 */
final class TimeDependentDijkstra {

    enum Order { DISTANCE, HOPS_THEN_DISTANCE }

    /** A satellite where the search may start, with its cost (km) and time (s) on arrival. */
    record Start(SatId sat, double costKm, double timeS) {
    }

    /** The cost of leaving the mesh at a satellite (km), or a negative value when it is not an exit. */
    interface Exit {
        double costKm(SatId sat);
    }

    /** The best path found and the exit cost paid at its last satellite. */
    record Result(Path path, double exitCostKm) {
    }

    private final Links links;
    private final Order order;

    TimeDependentDijkstra(Links links, Order order) {
        this.links = links;
        this.order = order;
    }

    Path route(SatId from, SatId to, double departureS) {
        int target = index(to);
        Result r = search(List.of(new Start(from, 0.0, departureS)), sat -> index(sat) == target ? 0.0 : -1.0);
        if (r == null) {
            throw new UnroutableException(from, to, departureS, "every path needs a forbidden cross-plane hop");
        }
        return r.path();
    }

    /** The cheapest start → exit path, or null when no exit is reachable. */
    Result search(List<Start> starts, Exit exit) {
        Torus torus = links.torus();
        int n = torus.size();
        double[] cost = new double[n];
        int[] hops = new int[n];
        double[] time = new double[n];
        Hop[] via = new Hop[n];
        int[] startOf = new int[n];
        boolean[] done = new boolean[n];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        Arrays.fill(hops, Integer.MAX_VALUE);
        PriorityQueue<Label> queue = new PriorityQueue<>();
        for (int i = 0; i < starts.size(); i++) {
            Start s = starts.get(i);
            int k = index(s.sat());
            if (better(0, s.costKm(), hops[k], cost[k])) {
                cost[k] = s.costKm();
                hops[k] = 0;
                time[k] = s.timeS();
                startOf[k] = i;
                queue.add(new Label(k, 0, s.costKm()));
            }
        }
        int bestExit = -1;
        double bestTotal = Double.POSITIVE_INFINITY;
        int bestHops = Integer.MAX_VALUE;
        while (!queue.isEmpty()) {
            Label l = queue.poll();
            int u = l.node;
            if (done[u] || l.hops != hops[u] || l.costKm != cost[u]) {
                continue;
            }
            if (bestExit >= 0 && !better(l.hops, l.costKm, bestHops, bestTotal)) {
                break; // every remaining label is worse than the exit already found
            }
            done[u] = true;
            SatId su = sat(u);
            double exitCost = exit.costKm(su);
            if (exitCost >= 0.0 && better(hops[u], cost[u] + exitCost, bestHops, bestTotal)) {
                bestExit = u;
                bestTotal = cost[u] + exitCost;
                bestHops = hops[u];
            }
            for (Direction d : Direction.values()) {
                if (!links.allowed(su, d, time[u])) {
                    continue;
                }
                Hop hop = links.hop(su, d, time[u]);
                int v = index(hop.to());
                if (done[v]) {
                    continue;
                }
                int nh = hops[u] + 1;
                double nc = cost[u] + hop.lengthKm();
                if (better(nh, nc, hops[v], cost[v])) {
                    hops[v] = nh;
                    cost[v] = nc;
                    time[v] = links.arrivalS(time[u], hop.lengthKm());
                    via[v] = hop;
                    startOf[v] = startOf[u];
                    queue.add(new Label(v, nh, nc));
                }
            }
        }
        if (bestExit < 0) {
            return null;
        }
        List<Hop> path = new ArrayList<>();
        for (int v = bestExit; via[v] != null; v = index(via[v].from())) {
            path.add(via[v]);
        }
        Collections.reverse(path);
        Start start = starts.get(startOf[bestExit]);
        return new Result(new Path(start.sat(), sat(bestExit), path, start.timeS(), time[bestExit]),
                bestTotal - cost[bestExit]);
    }

    private boolean better(int hopsA, double costA, int hopsB, double costB) {
        if (order == Order.HOPS_THEN_DISTANCE && hopsA != hopsB) {
            return hopsA < hopsB;
        }
        return costA < costB;
    }

    private int index(SatId id) {
        return id.node(links.torus().satsPerPlane()) - 1;
    }

    private SatId sat(int index) {
        return SatId.fromNode(index + 1, links.torus().satsPerPlane());
    }

    private final class Label implements Comparable<Label> {
        final int node;
        final int hops;
        final double costKm;

        Label(int node, int hops, double costKm) {
            this.node = node;
            this.hops = hops;
            this.costKm = costKm;
        }

        @Override
        public int compareTo(Label o) {
            if (order == Order.HOPS_THEN_DISTANCE && hops != o.hops) {
                return Integer.compare(hops, o.hops);
            }
            int c = Double.compare(costKm, o.costKm);
            return c != 0 ? c : Integer.compare(node, o.node);
        }
    }
}
