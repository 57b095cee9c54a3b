package io.spacecomp.sim.fault;

/** What a satellite outage does to the satellite's work. */
public enum Outage {
    /** Cut off from the mesh (every link down); it keeps its state and its work, and is back after the outage. */
    DOWN,
    /** Crashed: its state and queued work are lost; after the repair time it comes back empty. */
    CRASH
}
