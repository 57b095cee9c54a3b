package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;

/**
 * The minimum-distance path among all minimal-hop paths (ours, beyond the paper; SPEC §4): dynamic
 * programming over the (in-plane steps + 1) × (cross-plane steps + 1) hop lattice. Every lattice path to
 * a cell has taken the same number of hops, so each link is priced at the time the cheapest prefix
 * reaches it. When the shorter way round is a tie (half-way round an even ring) both ways are tried.
 * It bounds what any local minimal-hop rule can gain.
 *
 * <p>With polar protection the forbidden cross-plane edges leave the lattice; if no lattice path
 * remains, the fewest-hops detour that respects the rule is returned. Down satellites and links (the
 * {@link LinkState}) leave the lattice too; when they alone block every minimal path the destination is
 * unreachable, with that reason.
 */
public final class OptimalMinimalHopRouter implements Router {

    public static final String NAME = "optimal";

    private final Links links;
    private final MinimalLattice lattice;
    private final TimeDependentDijkstra detour;

    public OptimalMinimalHopRouter(ConstellationGeometry geometry, RouteOptions options) {
        this(geometry, options, LinkState.ALL_UP);
    }

    /** A router that takes the best minimal path around what {@code state} says is down. */
    public OptimalMinimalHopRouter(ConstellationGeometry geometry, RouteOptions options, LinkState state) {
        this.links = new Links(geometry, options, state);
        this.lattice = new MinimalLattice(links);
        this.detour = new TimeDependentDijkstra(links, TimeDependentDijkstra.Order.HOPS_THEN_DISTANCE);
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
        Path best = lattice.best(from, to, departureS, links::allowed);
        if (best != null) {
            return best;
        }
        UnroutableException blocked = lattice.blocked(from, to, departureS);
        if (blocked != null) {
            throw blocked;
        }
        return detour.route(from, to, departureS);
    }
}
