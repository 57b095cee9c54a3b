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
            throw new UnroutableException(from, to, departureS, links.noPathReason());
        }
        return r.path();
    }

    /** The cheapest start → exit path, or null when no exit is reachable. */
    Result search(List<Start> starts, Exit exit) {
        Labels l = explore(starts, exit);
        if (l.bestExit < 0) {
            return null;
        }
        Start start = starts.get(l.startOf[l.bestExit]);
        return new Result(new Path(start.sat(), sat(l.bestExit), l.hopsTo(l.bestExit), start.timeS(), l.time[l.bestExit]),
                l.bestTotal - l.cost[l.bestExit]);
    }

    /**
     * The paths from {@code from} to each of {@code targets}, all leaving at {@code departureS}, from one
     * search that settles the whole mesh. Each equals {@link #route} for its target: labels settle in the
     * same order, and a settled label never changes.
     */
    List<Path> routeAll(SatId from, List<SatId> targets, double departureS) {
        Labels l = explore(List.of(new Start(from, 0.0, departureS)), null);
        List<Path> paths = new ArrayList<>(targets.size());
        for (SatId to : targets) {
            int k = index(to);
            if (!l.done[k]) {
                throw new UnroutableException(from, to, departureS, links.noPathReason());
            }
            paths.add(new Path(from, to, l.hopsTo(k), departureS, l.time[k]));
        }
        return paths;
    }

    /** Settled labels of one search: the best known cost, hops, time and last hop of each satellite. */
    private final class Labels {
        final double[] cost;
        final int[] hops;
        final double[] time;
        final Hop[] via;
        final int[] startOf;
        final boolean[] done;
        int bestExit = -1;
        double bestTotal = Double.POSITIVE_INFINITY;
        int bestHops = Integer.MAX_VALUE;

        Labels(int n) {
            cost = new double[n];
            hops = new int[n];
            time = new double[n];
            via = new Hop[n];
            startOf = new int[n];
            done = new boolean[n];
            Arrays.fill(cost, Double.POSITIVE_INFINITY);
            Arrays.fill(hops, Integer.MAX_VALUE);
        }

        /** The hops from the search's start to satellite {@code v}, in order. */
        List<Hop> hopsTo(int v) {
            List<Hop> path = new ArrayList<>();
            for (int u = v; via[u] != null; u = index(via[u].from())) {
                path.add(via[u]);
            }
            Collections.reverse(path);
            return path;
        }
    }

    /** Label-setting search from {@code starts}; stops once {@code exit} is settled, or settles all when it is null. */
    private Labels explore(List<Start> starts, Exit exit) {
        Torus torus = links.torus();
        Labels l = new Labels(torus.size());
        double[] cost = l.cost;
        int[] hops = l.hops;
        double[] time = l.time;
        boolean[] done = l.done;
        PriorityQueue<Label> queue = new PriorityQueue<>();
        for (int i = 0; i < starts.size(); i++) {
            Start s = starts.get(i);
            int k = index(s.sat());
            if (better(0, s.costKm(), hops[k], cost[k])) {
                cost[k] = s.costKm();
                hops[k] = 0;
                time[k] = s.timeS();
                l.startOf[k] = i;
                queue.add(new Label(k, 0, s.costKm()));
            }
        }
        while (!queue.isEmpty()) {
            Label label = queue.poll();
            int u = label.node;
            if (done[u] || label.hops != hops[u] || label.costKm != cost[u]) {
                continue;
            }
            if (l.bestExit >= 0 && !better(label.hops, label.costKm, l.bestHops, l.bestTotal)) {
                break; // every remaining label is worse than the exit already found
            }
            done[u] = true;
            SatId su = sat(u);
            double exitCost = exit == null ? -1.0 : exit.costKm(su);
            if (exitCost >= 0.0 && better(hops[u], cost[u] + exitCost, l.bestHops, l.bestTotal)) {
                l.bestExit = u;
                l.bestTotal = cost[u] + exitCost;
                l.bestHops = hops[u];
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
                    l.via[v] = hop;
                    l.startOf[v] = l.startOf[u];
                    queue.add(new Label(v, nh, nc));
                }
            }
        }
        return l;
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
