package io.spacecomp.emulator.plane;

import java.util.ArrayDeque;

/**
 * One directed ISL as a FIFO: at most {@link #MAX_IN_FLIGHT} envelopes on the wire at once, the rest
 * wait their turn in order. Like a real link it queues traffic instead of opening a connection per
 * message, which bounds sockets and threads however many jobs run at once.
 */
final class Link {

    static final int MAX_IN_FLIGHT = 2;

    /** After a hop fails for good, the link counts as down this long: what waits fails at once, not after retries. */
    static final long DOWN_NANOS = 2_000_000_000L;

    private final ArrayDeque<Envelope> waiting = new ArrayDeque<>();
    private int inFlight;
    private volatile long downUntil;
    private volatile String downReason;

    void markDown(String reason) {
        downReason = reason;
        downUntil = System.nanoTime() + DOWN_NANOS;
    }

    /** Why the link is down, or null when it is (as far as we know) up. */
    String downReason() {
        return System.nanoTime() - downUntil < 0 ? downReason : null;
    }

    /** Queues {@code e}; returns it when it may go now, or null when it waits for an earlier one. */
    synchronized Envelope add(Envelope e) {
        if (inFlight < MAX_IN_FLIGHT) {
            inFlight++;
            return e;
        }
        waiting.add(e);
        return null;
    }

    /** An envelope left the link (delivered or given up): returns the next to send, or null. */
    synchronized Envelope done() {
        Envelope next = waiting.poll();
        if (next == null) {
            inFlight--;
        }
        return next;
    }

}
