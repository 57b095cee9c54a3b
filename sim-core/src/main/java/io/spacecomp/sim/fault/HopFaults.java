package io.spacecomp.sim.fault;

import umontreal.ssj.rng.RandomStream;

/**
 * What can happen to one try of a hop: the fault state and the random message faults, each kind drawing
 * from its own seeded stream and only when its probability is above zero (a fault-free run draws nothing).
 */
public final class HopFaults {

    private final FaultState state;
    private final int attempts;
    private final double timeoutS;
    private final RandomFaults random;
    private final RandomStream loss;
    private final RandomStream duplicate;
    private final RandomStream delay;

    /**
     * @param loss      stream of the loss draws (null when the plan loses nothing)
     * @param duplicate stream of the duplicate draws (null when nothing is duplicated)
     * @param delay     stream of the extra-delay draws (null when nothing is delayed)
     */
    public HopFaults(FaultState state, FaultPlan plan, RandomStream loss, RandomStream duplicate, RandomStream delay) {
        this.state = state;
        this.attempts = plan.hopAttempts();
        this.timeoutS = plan.hopTimeoutS();
        this.random = plan.random();
        this.loss = random.messageLoss() > 0 ? require(loss, "loss") : null;
        this.duplicate = random.duplicate() > 0 ? require(duplicate, "duplicate") : null;
        this.delay = random.delay() > 0 && random.delayS() > 0 ? require(delay, "delay") : null;
    }

    /** No random faults; hops still retry when the state says a link is down. */
    public static HopFaults none(FaultState state) {
        return new HopFaults(state, FaultPlan.NONE, null, null, null);
    }

    private static RandomStream require(RandomStream s, String what) {
        if (s == null) {
            throw new IllegalArgumentException("the plan draws " + what + " faults: give their stream");
        }
        return s;
    }

    public FaultState state() {
        return state;
    }

    /** Tries per hop. */
    public int attempts() {
        return attempts;
    }

    /** How long a failed try takes (s). */
    public double timeoutS() {
        return timeoutS;
    }

    /** Whether this try of a hop is lost. */
    public boolean lost() {
        return loss != null && loss.nextDouble() < random.messageLoss();
    }

    /** Whether this hop delivers twice. */
    public boolean duplicated() {
        return duplicate != null && duplicate.nextDouble() < random.duplicate();
    }

    /** The extra delay of this hop (s): 0, or uniform in [0, delayS) with the plan's probability. */
    public double extraDelayS() {
        if (delay == null) {
            return 0.0;
        }
        double u = delay.nextDouble();
        double v = delay.nextDouble();
        return u < random.delay() ? v * random.delayS() : 0.0;
    }
}
