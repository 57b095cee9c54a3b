package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;

/**
 * The paper's distance-aware, hop-preserving rule (§IV-B; SPEC §4). Each decision is local: the
 * satellite compares the length of the cross-plane link it would take here with the same link at its
 * in-plane neighbours ahead and behind (at the current time).
 * <ol>
 *   <li>Here is the crossover point (both neighbours' cross-plane links are longer: the minimum at the
 *       pole, where cross-plane links are down): step in-plane to leave it.</li>
 *   <li>The next in-plane satellite has a shorter cross-plane link: step in-plane, crossing later is cheaper.</li>
 *   <li>Otherwise cross now.</li>
 * </ol>
 * Only the order of the owed steps changes, so the hop count equals Manhattan's. Under polar protection a
 * forbidden cross-plane link counts as infinitely long, so the rule never defers a crossing into the cap.
 */
public final class DistanceAwareRouter extends MinimalHopRouter {

    public static final String NAME = "distance-aware";

    public DistanceAwareRouter(ConstellationGeometry geometry, RouteOptions options) {
        this(geometry, options, LinkState.ALL_UP);
    }

    /** A router that takes another minimal path around what {@code state} says is down. */
    public DistanceAwareRouter(ConstellationGeometry geometry, RouteOptions options, LinkState state) {
        super(geometry, options, state);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Direction choose(SatId at, double tS, Direction inPlane, Direction crossPlane) {
        double here = crossCostKm(at, crossPlane, tS);
        double ahead = crossCostKm(links.torus().neighbour(at, inPlane), crossPlane, tS);
        double behind = crossCostKm(links.torus().neighbour(at, inPlane.opposite()), crossPlane, tS);
        // A cap edge (a forbidden, infinite neighbour) is not a crossover point: cross before it.
        boolean crossover = ahead > here && behind > here && Double.isFinite(ahead) && Double.isFinite(behind);
        if (crossover || ahead < here) {
            return inPlane;
        }
        return crossPlane;
    }

    /**
     * The cross-plane link's length at {@code sat}, or infinity where polar protection forbids it: a
     * satellite never defers its crossing into the polar cap, where it could not cross at all.
     */
    private double crossCostKm(SatId sat, Direction crossPlane, double tS) {
        return links.allowed(sat, crossPlane, tS) ? links.lengthKm(sat, crossPlane, tS) : Double.POSITIVE_INFINITY;
    }
}
