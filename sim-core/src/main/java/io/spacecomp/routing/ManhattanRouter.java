package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;

/**
 * The baseline +Grid router (SPEC §4): a minimal-hop path, the shorter way round in each dimension,
 * every cross-plane step first and then the in-plane ones. It ignores geometry; the fixed order keeps
 * comparisons reproducible.
 */
public final class ManhattanRouter extends MinimalHopRouter {

    public static final String NAME = "manhattan";

    public ManhattanRouter(ConstellationGeometry geometry, RouteOptions options) {
        this(geometry, options, LinkState.ALL_UP);
    }

    /** A router that takes another minimal path around what {@code state} says is down. */
    public ManhattanRouter(ConstellationGeometry geometry, RouteOptions options, LinkState state) {
        super(geometry, options, state);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Direction choose(SatId at, double tS, Direction inPlane, Direction crossPlane) {
        return crossPlane;
    }
}
