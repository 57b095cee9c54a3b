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
        return switch (name) {
            case ManhattanRouter.NAME -> new ManhattanRouter(geometry, options);
            case DistanceAwareRouter.NAME -> new DistanceAwareRouter(geometry, options);
            case OptimalMinimalHopRouter.NAME -> new OptimalMinimalHopRouter(geometry, options);
            case ShortestPathRouter.NAME -> new ShortestPathRouter(geometry, options);
            default -> throw new IllegalArgumentException("unknown router '" + name + "' (allowed: " + String.join(", ", NAMES) + ")");
        };
    }
}
