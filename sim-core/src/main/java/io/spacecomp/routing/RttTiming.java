package io.spacecomp.routing;

/** How the two legs of a ground-to-ground round trip see the moving constellation. */
public enum RttTiming {
    /**
     * The physical round trip: the request leaves at t over the shortest path, every link taken at the time the
     * signal crosses it, and the reply leaves the destination when the request arrives. The default.
     */
    TIME_DEPENDENT,
    /**
     * Both legs over the constellation frozen at t, as snapshot-based simulators (Hypatia and other ns-3
     * based tools computing routes on per-instant graphs) do: the RTT is twice the one-way path. Use it to
     * compare with them; the difference from {@link #TIME_DEPENDENT} is microseconds for LEO paths.
     */
    SNAPSHOT
}
