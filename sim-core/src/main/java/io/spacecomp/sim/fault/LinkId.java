package io.spacecomp.sim.fault;

import io.spacecomp.orbit.shell.SatId;

/** One ISL, between two torus neighbours, in either direction. */
public record LinkId(SatId a, SatId b) {

    public LinkId {
        if (a == null || b == null || a.equals(b)) {
            throw new IllegalArgumentException("a link joins two different satellites, got " + a + " and " + b);
        }
    }

    @Override
    public String toString() {
        return a + "-" + b;
    }
}
