package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;

import java.util.ArrayList;
import java.util.List;

/**
 * A router that walks a minimal-hop path one local decision at a time: at each satellite it takes
 * either the in-plane or the cross-plane step still owed, as {@link #choose} decides.
 *
 * <p>Polar protection: when the chosen cross-plane hop is forbidden, the walk steps in-plane instead
 * (crossing later, same hop count). When only forbidden cross-plane steps remain, it finishes with the
 * fewest-hops detour that respects the rule, or reports the pair unroutable.
 *
 * <p>Faults ({@link LinkState}): a step into a down satellite or link is replaced by the other owed step;
 * when the walk is stuck, the best other minimal-hop path is taken, and when faults block every minimal
 * path the destination is reported unreachable, with that reason.
 */
abstract class MinimalHopRouter implements Router {

    protected final Links links;
    private final TimeDependentDijkstra detour;
    private final MinimalLattice lattice;

    MinimalHopRouter(ConstellationGeometry geometry, RouteOptions options, LinkState state) {
        this.links = new Links(geometry, options, state);
        this.detour = new TimeDependentDijkstra(links, TimeDependentDijkstra.Order.HOPS_THEN_DISTANCE);
        this.lattice = new MinimalLattice(links);
    }

    /**
     * The next step at {@code at} when both kinds are owed.
     *
     * @param inPlane    the in-plane direction towards the destination
     * @param crossPlane the cross-plane direction towards the destination
     * @return {@code inPlane} or {@code crossPlane}
     */
    protected abstract Direction choose(SatId at, double tS, Direction inPlane, Direction crossPlane);

    @Override
    public final Path route(SatId from, SatId to, double departureS) {
        links.requireInside(from);
        links.requireInside(to);
        links.requireUp(from, to, departureS);
        Torus torus = links.torus();
        int satSteps = torus.satSteps(from, to);
        int orbSteps = torus.orbSteps(from, to);
        List<Hop> hops = new ArrayList<>(Math.abs(satSteps) + Math.abs(orbSteps));
        SatId at = from;
        double t = departureS;
        while (satSteps != 0 || orbSteps != 0) {
            Direction in = satSteps != 0 ? Direction.inPlane(satSteps) : null;
            Direction cross = orbSteps != 0 ? Direction.crossPlane(orbSteps) : null;
            Direction step = in == null ? cross : cross == null ? in : choose(at, t, in, cross);
            if (!links.allowed(at, step, t)) {
                // defer the crossing until out of the polar cap, or take the other owed step around a fault
                Direction other = step == cross ? in : cross;
                step = other != null && links.allowed(at, other, t) ? other : null;
            }
            if (step == null && links.faulty()) {
                return aroundFaults(from, to, departureS);
            }
            if (step == null) {
                Path rest = detour.route(at, to, t);
                hops.addAll(rest.hops());
                t = rest.arrivalS();
                break;
            }
            Hop hop = links.hop(at, step, t);
            hops.add(hop);
            t = links.arrivalS(t, hop.lengthKm());
            at = hop.to();
            if (step.isCrossPlane()) {
                orbSteps -= step.orbStep();
            } else {
                satSteps -= step.satStep();
            }
        }
        return new Path(from, to, hops, departureS, t);
    }

    /** The walk met a down satellite or link: the best other minimal path, or unreachable when faults block all. */
    private Path aroundFaults(SatId from, SatId to, double departureS) {
        Path p = lattice.best(from, to, departureS, links::allowed);
        if (p != null) {
            return p;
        }
        UnroutableException blocked = lattice.blocked(from, to, departureS);
        if (blocked != null) {
            throw blocked;
        }
        return detour.route(from, to, departureS);
    }
}
