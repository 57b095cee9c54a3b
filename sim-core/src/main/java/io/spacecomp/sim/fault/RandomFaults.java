package io.spacecomp.sim.fault;

/**
 * Faults drawn at random from the run's seed, each kind from its own stream (adding message loss never
 * moves a crash).
 *
 * @param satelliteMtbfS mean time between crashes of each satellite (s, exponential); infinite for none
 * @param repairS        how long a crashed satellite stays down before it comes back empty (s)
 * @param messageLoss    probability that one try of a hop is lost (it is retried)
 * @param duplicate      probability that a hop delivers its message twice
 * @param delay          probability that a hop takes an extra delay
 * @param delayS         the extra delay, uniform in [0, delayS) (s)
 */
public record RandomFaults(double satelliteMtbfS, double repairS, double messageLoss, double duplicate, double delay,
                           double delayS) {

    /** No random faults. */
    public static final RandomFaults NONE = new RandomFaults(Double.POSITIVE_INFINITY, 60.0, 0.0, 0.0, 0.0, 0.0);

    public RandomFaults {
        if (!(satelliteMtbfS > 0)) {
            throw new IllegalArgumentException("satellite_mtbf_s must be > 0, got " + satelliteMtbfS);
        }
        if (!(repairS >= 0) || Double.isInfinite(repairS)) {
            throw new IllegalArgumentException("repair_s must be >= 0 and finite, got " + repairS);
        }
        probability("message_loss", messageLoss, 0.5);
        probability("duplicate", duplicate, 0.5);
        probability("delay", delay, 1.0);
        if (!(delayS >= 0) || Double.isInfinite(delayS)) {
            throw new IllegalArgumentException("delay_s must be >= 0 and finite, got " + delayS);
        }
    }

    private static void probability(String name, double p, double max) {
        if (!(p >= 0 && p <= max)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, " + max + "], got " + p);
        }
    }

    /** Whether satellites crash at random. */
    public boolean crashes() {
        return Double.isFinite(satelliteMtbfS);
    }

    /** Whether any random fault is drawn at all. */
    public boolean any() {
        return crashes() || messageLoss > 0 || duplicate > 0 || (delay > 0 && delayS > 0);
    }

    public RandomFaults withMtbf(double s) {
        return new RandomFaults(s, repairS, messageLoss, duplicate, delay, delayS);
    }
}
