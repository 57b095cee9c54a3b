package io.spacecomp.routing;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;

/**
 * Which satellites and links are in service now, as routers see it (link-state knowledge). The simulator's
 * fault model keeps one ({@code io.spacecomp.sim.fault.FaultState}); without faults every link is up.
 */
public interface LinkState {

    /** Every satellite and link up: what a router without fault knowledge assumes. */
    LinkState ALL_UP = new LinkState() {
        @Override
        public boolean satelliteUp(SatId sat) {
            return true;
        }

        @Override
        public boolean linkUp(SatId from, Direction d) {
            return true;
        }

        @Override
        public boolean anyDown() {
            return false;
        }
    };

    /** Whether {@code sat} is in service. */
    boolean satelliteUp(SatId sat);

    /** Whether the ISL from {@code from} across {@code d} can carry traffic: both ends and the link are up. */
    boolean linkUp(SatId from, Direction d);

    /** Whether anything at all is down now (routers take their fault-free shortcuts otherwise). */
    boolean anyDown();
}
