package io.spacecomp.emulator.plane;

import io.spacecomp.protocol.Clock;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The wall clock as one satellite's protocol sees it: seconds since the constellation epoch, and
 * scheduled actions that run on that satellite's own serial executor (so they never overlap its other work).
 * An action due now, scheduled from the satellite's own work, runs at once: a node's work and the sending of
 * its output are one step, so no message it already took waits parsed in its inbox meanwhile.
 */
final class WallClock implements Clock {

    private final long epochMs;
    private final ScheduledExecutorService timer;
    private final SerialExecutor satellite;

    WallClock(long epochMs, ScheduledExecutorService timer, SerialExecutor satellite) {
        this.epochMs = epochMs;
        this.timer = timer;
        this.satellite = satellite;
    }

    static double secondsSince(long epochMs) {
        Instant now = Instant.now();
        return (now.getEpochSecond() * 1000.0 - epochMs) / 1000.0 + now.getNano() / 1e9;
    }

    @Override
    public double nowS() {
        return secondsSince(epochMs);
    }

    @Override
    public void schedule(double delayS, Runnable action) {
        if (!(delayS >= 0) || Double.isInfinite(delayS)) {
            throw new IllegalArgumentException("delay must be >= 0 and finite, got " + delayS);
        }
        if (delayS == 0 && satellite.inTask()) {
            action.run();
        } else if (delayS == 0) {
            satellite.execute(action);
        } else {
            timer.schedule(() -> satellite.execute(action), Math.round(delayS * 1e9), TimeUnit.NANOSECONDS);
        }
    }
}
