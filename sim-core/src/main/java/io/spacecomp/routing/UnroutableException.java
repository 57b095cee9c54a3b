package io.spacecomp.routing;

import io.spacecomp.orbit.shell.SatId;

/** No path exists under the router's rules (e.g. every way needs a cross-plane hop inside a polar cap). */
public final class UnroutableException extends RuntimeException {

    private final SatId from;
    private final SatId to;

    public UnroutableException(SatId from, SatId to, double departureS, String why) {
        super("no route from " + from + " to " + to + " at t = " + departureS + " s: " + why);
        this.from = from;
        this.to = to;
    }

    public SatId from() {
        return from;
    }

    public SatId to() {
        return to;
    }
}
