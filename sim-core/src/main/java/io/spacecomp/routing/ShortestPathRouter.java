package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;

import java.util.List;

/**
 * The free shortest path (SPEC §4): Dijkstra over the time-varying link lengths, hop count free, for
 * comparison with other simulators and for ground-to-ground latency.
 */
public final class ShortestPathRouter implements Router {

    public static final String NAME = "shortest";

    private final Links links;
    private final TimeDependentDijkstra dijkstra;

    public ShortestPathRouter(ConstellationGeometry geometry, RouteOptions options) {
        this(geometry, options, LinkState.ALL_UP);
    }

    /** A router that routes around what {@code state} says is down. */
    public ShortestPathRouter(ConstellationGeometry geometry, RouteOptions options, LinkState state) {
        this.links = new Links(geometry, options, state);
        this.dijkstra = new TimeDependentDijkstra(links, TimeDependentDijkstra.Order.DISTANCE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Path route(SatId from, SatId to, double departureS) {
        links.requireInside(from);
        links.requireInside(to);
        links.requireUp(from, to, departureS);
        return dijkstra.route(from, to, departureS);
    }

    /** One search settling the whole mesh instead of one search per destination; the same paths. */
    @Override
    public List<Path> routeAll(SatId from, List<SatId> to, double departureS) {
        links.requireInside(from);
        to.forEach(links::requireInside);
        to.forEach(t -> links.requireUp(from, t, departureS));
        return dijkstra.routeAll(from, to, departureS);
    }
}
