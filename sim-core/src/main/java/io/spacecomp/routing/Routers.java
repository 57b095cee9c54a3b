package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;

import java.util.List;

/** The routers by name. */
public final class Routers {

    /** Every router name, in the order the CLI lists them. */
    public static final List<String> NAMES = List.of(ManhattanRouter.NAME, DistanceAwareRouter.NAME,
            OptimalMinimalHopRouter.NAME, ShortestPathRouter.NAME);

    private Routers() {
    }

    public static Router byName(String name, ConstellationGeometry geometry, RouteOptions options) {
        return byName(name, geometry, options, LinkState.ALL_UP);
    }

    /** The router {@code name}, seeing the satellites and links {@code state} says are down. */
    public static Router byName(String name, ConstellationGeometry geometry, RouteOptions options, LinkState state) {
        return switch (name) {
            case ManhattanRouter.NAME -> new ManhattanRouter(geometry, options, state);
            case DistanceAwareRouter.NAME -> new DistanceAwareRouter(geometry, options, state);
            case OptimalMinimalHopRouter.NAME -> new OptimalMinimalHopRouter(geometry, options, state);
            case ShortestPathRouter.NAME -> new ShortestPathRouter(geometry, options, state);
            default -> throw new IllegalArgumentException("unknown router '" + name + "' (allowed: " + String.join(", ", NAMES) + ")");
        };
    }
}
