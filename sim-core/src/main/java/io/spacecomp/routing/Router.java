package io.spacecomp.routing;

import io.spacecomp.orbit.shell.SatId;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The paths from {@code from} to each of {@code to}, in order, all leaving at {@code departureS}:
     * the same paths as {@link #route} one by one. A router may answer them in one search.
     *
     * @throws UnroutableException when a destination cannot be reached
     */
    default List<Path> routeAll(SatId from, List<SatId> to, double departureS) {
        List<Path> paths = new ArrayList<>(to.size());
        for (SatId t : to) {
            paths.add(route(from, t, departureS));
        }
        return paths;
    }
}
