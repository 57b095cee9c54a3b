package io.spacecomp.sim.fault;

import io.spacecomp.orbit.shell.SatId;

import java.util.List;

/**
 * One scheduled fault: what goes down, when ({@code atS}, virtual seconds after the run's first job is
 * submitted) and for how long ({@code downS}; infinite for good).
 */
public sealed interface FaultEvent {

    /** When the fault starts (s). */
    double atS();

    /** How long it lasts (s); {@link Double#POSITIVE_INFINITY} when it never ends. */
    double downS();

    /** Satellites go down or crash. */
    record SatelliteDown(double atS, List<SatId> satellites, double downS, Outage outage) implements FaultEvent {
        public SatelliteDown {
            satellites = List.copyOf(satellites);
            FaultPlan.check(atS, downS);
            if (satellites.isEmpty()) {
                throw new IllegalArgumentException("a satellite fault needs at least one satellite");
            }
        }
    }

    /** ISLs go down (both directions); their satellites stay up. */
    record LinkDown(double atS, List<LinkId> links, double downS) implements FaultEvent {
        public LinkDown {
            links = List.copyOf(links);
            FaultPlan.check(atS, downS);
            if (links.isEmpty()) {
                throw new IllegalArgumentException("a link fault needs at least one link");
            }
        }
    }

    /** Every satellite of orbital plane {@code plane} (1-based) goes down or crashes: a plane loss. */
    record PlaneDown(double atS, int plane, double downS, Outage outage) implements FaultEvent {
        public PlaneDown {
            FaultPlan.check(atS, downS);
            if (plane < 1) {
                throw new IllegalArgumentException("plane must be >= 1, got " + plane);
            }
        }
    }

    /**
     * A partition: the cross-plane links between the listed planes and all other planes go down, so the
     * listed planes form one side and the rest the other; links inside each side stay up.
     */
    record Partition(double atS, List<Integer> planes, double downS) implements FaultEvent {
        public Partition {
            planes = List.copyOf(planes);
            FaultPlan.check(atS, downS);
            if (planes.isEmpty()) {
                throw new IllegalArgumentException("a partition needs at least one plane on its side");
            }
        }
    }
}
