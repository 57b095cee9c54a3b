package io.spacecomp.protocol;

/**
 * Time as the protocol sees it: virtual in the simulator, the wall clock in the emulator. The protocol
 * never reads any other clock.
 */
public interface Clock {

    /** Current time (s; since the constellation epoch in simulation). */
    double nowS();

    /**
     * Runs {@code action} after {@code delayS} seconds (≥ 0). Actions of one satellite never run
     * concurrently with each other.
     */
    void schedule(double delayS, Runnable action);

    /**
     * Like {@link #schedule}, for bookkeeping that models no work of the satellite (dropping the state of
     * jobs past their deadline): a simulator runs it but leaves it out of the run's event count.
     */
    default void scheduleHousekeeping(double delayS, Runnable action) {
        schedule(delayS, action);
    }
}
