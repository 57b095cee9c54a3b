package io.spacecomp.sim;

import io.spacecomp.protocol.Clock;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/** Virtual time on one SSJ {@link Simulator}: every scheduled action is an SSJ event. */
public final class SimClock implements Clock {

    private final Simulator simulator;
    private long executed;
    private long housekeeping;

    public SimClock(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public double nowS() {
        return simulator.time();
    }

    @Override
    public void schedule(double delayS, Runnable action) {
        at(delayS, action, false);
    }

    @Override
    public void scheduleHousekeeping(double delayS, Runnable action) {
        at(delayS, action, true);
    }

    private void at(double delayS, Runnable action, boolean isHousekeeping) {
        if (!(delayS >= 0) || Double.isInfinite(delayS)) {
            throw new IllegalArgumentException("delay must be >= 0 and finite, got " + delayS);
        }
        new Event(simulator) {
            @Override
            public void actions() {
                if (isHousekeeping) {
                    housekeeping++;
                } else {
                    executed++;
                }
                action.run();
            }
        }.schedule(delayS);
    }

    /** Housekeeping events executed so far (not in {@link #executedEvents()}). */
    public long housekeepingEvents() {
        return housekeeping;
    }

    /** Protocol events executed so far. */
    public long executedEvents() {
        return executed;
    }
}
