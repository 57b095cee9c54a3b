package io.spacecomp.routing;

import io.spacecomp.orbit.shell.SatId;

/** Answers "the path from A to B, leaving at time t". Implementations are immutable and thread-safe. */
public interface Router {

    /** The router's name as the CLI and experiments know it. */
    String name();

    /**
     * The path from {@code from} to {@code to} leaving at {@code departureS}.
     *
     * @throws UnroutableException when no path satisfies the router's rules
     */
    Path route(SatId from, SatId to, double departureS);
}
