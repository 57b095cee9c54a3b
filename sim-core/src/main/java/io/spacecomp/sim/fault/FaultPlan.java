package io.spacecomp.sim.fault;

import java.util.List;

/**
 * The faults of one simulated run: exact events on a schedule, random faults drawn from the run's seed,
 * and how a hop copes with them (as the emulator: {@code hopAttempts} tries, each given up after
 * {@code hopTimeoutS} of virtual time, then the message comes back to its sender hop by hop). The same
 * plan and seed give the same faults and the same results, byte for byte.
 *
 * @param schedule    exact fault events
 * @param random      random faults
 * @param hopAttempts tries per hop before its message is reported undeliverable (1..20)
 * @param hopTimeoutS how long one failed try takes before the next (s, &gt; 0)
 */
public record FaultPlan(List<FaultEvent> schedule, RandomFaults random, int hopAttempts, double hopTimeoutS) {

    public static final int DEFAULT_HOP_ATTEMPTS = 3;
    public static final double DEFAULT_HOP_TIMEOUT_S = 1.0;

    /** No faults; hops still retry as the emulator's do when a test takes a satellite down by hand. */
    public static final FaultPlan NONE = new FaultPlan(List.of(), RandomFaults.NONE, DEFAULT_HOP_ATTEMPTS, DEFAULT_HOP_TIMEOUT_S);

    public FaultPlan {
        schedule = List.copyOf(schedule);
        if (random == null) {
            throw new IllegalArgumentException("random must not be null (use RandomFaults.NONE)");
        }
        if (hopAttempts < 1 || hopAttempts > 20) {
            throw new IllegalArgumentException("hop_attempts must be in [1, 20], got " + hopAttempts);
        }
        if (!(hopTimeoutS > 0) || Double.isInfinite(hopTimeoutS)) {
            throw new IllegalArgumentException("hop_timeout_s must be > 0 and finite, got " + hopTimeoutS);
        }
    }

    public static FaultPlan of(List<FaultEvent> schedule, RandomFaults random) {
        return new FaultPlan(schedule, random, DEFAULT_HOP_ATTEMPTS, DEFAULT_HOP_TIMEOUT_S);
    }

    /** Whether the plan injects nothing (the run is then event for event the fault-free one). */
    public boolean isEmpty() {
        return schedule.isEmpty() && !random.any();
    }

    public FaultPlan withRandom(RandomFaults r) {
        return new FaultPlan(schedule, r, hopAttempts, hopTimeoutS);
    }

    /** How long after a crash its neighbours have given up on their links to it and the news reaches coordinators (s). */
    public double detectionS() {
        return hopAttempts * hopTimeoutS;
    }

    static void check(double atS, double downS) {
        if (!(atS >= 0) || Double.isInfinite(atS)) {
            throw new IllegalArgumentException("at_s must be >= 0 and finite, got " + atS);
        }
        if (!(downS > 0)) {
            throw new IllegalArgumentException("down_s must be > 0, got " + downS);
        }
    }
}
