package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.link.LinkBudget;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;

/**
 * The time-varying ISL graph as routers see it: which hops are allowed, how long a link is when taken,
 * and when the next hop can leave (propagation + per-hop overhead).
 */
final class Links {

    private final ConstellationGeometry geometry;
    private final RouteOptions options;
    private final Torus torus;
    private final LinkState state;

    Links(ConstellationGeometry geometry, RouteOptions options, LinkState state) {
        this.geometry = geometry;
        this.options = options;
        this.torus = geometry.torus();
        // a TLE shell's empty slots are satellites that are down, for good: routers see them as faults
        this.state = geometry.allUp() ? state : withHoles(geometry, state);
    }

    /** {@code faults} plus the geometry's empty slots. */
    private static LinkState withHoles(ConstellationGeometry geometry, LinkState faults) {
        Torus torus = geometry.torus();
        return new LinkState() {
            @Override
            public boolean satelliteUp(SatId sat) {
                return geometry.isUp(sat) && (!faults.anyDown() || faults.satelliteUp(sat));
            }

            @Override
            public boolean linkUp(SatId from, Direction d) {
                return geometry.isUp(from) && geometry.isUp(torus.neighbour(from, d)) && (!faults.anyDown() || faults.linkUp(from, d));
            }

            @Override
            public boolean anyDown() {
                return true;
            }
        };
    }

    /** Whether some satellite or link is down now. */
    boolean faulty() {
        return state.anyDown();
    }

    /** Fails when the destination itself is down: no router can reach it. */
    void requireUp(SatId from, SatId to, double departureS) {
        if (state.anyDown() && !state.satelliteUp(to)) {
            throw new UnroutableException(from, to, departureS, "satellite " + to + " is down");
        }
    }

    /** Why a search found no path, given the fault state now. */
    String noPathReason() {
        return state.anyDown() ? "every path crosses a down satellite or link, or a forbidden cross-plane hop"
                : "every path needs a forbidden cross-plane hop";
    }

    Torus torus() {
        return torus;
    }

    ConstellationGeometry geometry() {
        return geometry;
    }

    void requireInside(SatId id) {
        if (id.sat() > torus.satsPerPlane() || id.orb() > torus.planes()) {
            throw new IllegalArgumentException("satellite " + id + " is outside the " + torus.satsPerPlane()
                    + " sats x " + torus.planes() + " planes shell");
        }
    }

    /** Whether the hop from {@code from} across {@code d} may be taken at {@code tS}: up, and outside the polar caps. */
    boolean allowed(SatId from, Direction d, double tS) {
        if (state.anyDown() && !state.linkUp(from, d)) {
            return false;
        }
        return allowedByPoles(from, d, tS);
    }

    /**
     * Whether the link exists in the geometry, both ends flying (not an empty slot of a TLE shell), whatever
     * faults and polar protection say. Only such hops have a length.
     */
    boolean flies(SatId from, Direction d, double tS) {
        return geometry.isUp(from) && geometry.isUp(torus.neighbour(from, d));
    }

    /** Whether polar protection allows a hop that {@link #flies} (faults ignored). */
    boolean allowedIgnoringFaults(SatId from, Direction d, double tS) {
        return flies(from, d, tS) && allowedByPoles(from, d, tS);
    }

    /** Whether polar protection alone allows the hop (faults ignored). */
    boolean allowedByPoles(SatId from, Direction d, double tS) {
        PolarProtection p = options.protection();
        if (!p.enabled() || !d.isCrossPlane()) {
            return true;
        }
        return Math.abs(geometry.latitudeDeg(from, tS)) <= p.latitudeLimitDeg()
                && Math.abs(geometry.latitudeDeg(torus.neighbour(from, d), tS)) <= p.latitudeLimitDeg();
    }

    /** The hop from {@code from} across {@code d} taken at {@code tS}. */
    Hop hop(SatId from, Direction d, double tS) {
        SatId to = torus.neighbour(from, d);
        return new Hop(from, to, d, geometry.linkLengthKm(from, to, tS), tS);
    }

    /** Length of the link from {@code from} across {@code d} at {@code tS} (km). */
    double lengthKm(SatId from, Direction d, double tS) {
        return geometry.linkLengthKm(from, torus.neighbour(from, d), tS);
    }

    /** When a hop of {@code lengthKm} leaving at {@code tS} has been received and can be forwarded. */
    double arrivalS(double tS, double lengthKm) {
        return tS + LinkBudget.propagationDelayS(lengthKm) + options.perHopOverheadS();
    }
}
