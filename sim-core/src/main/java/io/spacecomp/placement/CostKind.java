package io.spacecomp.placement;

import io.spacecomp.routing.Path;

import java.util.Locale;

/** What a cost matrix entry measures for the route from a task to a processor. */
public enum CostKind {
    /** Hop count of the route. */
    HOPS,
    /** Physical length of the route at the times its hops are taken (km). */
    DISTANCE,
    /** The full eq. 5 placement cost. */
    EQ5;

    public double of(Path route, CostModel model) {
        return switch (this) {
            case HOPS -> route.hopCount();
            case DISTANCE -> route.distanceKm();
            case EQ5 -> model.cost(route.hopCount(), route.distanceKm());
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CostKind parse(String name) {
        for (CostKind k : values()) {
            if (k.cliName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown cost '" + name + "' (allowed: hops, distance, eq5)");
    }
}
