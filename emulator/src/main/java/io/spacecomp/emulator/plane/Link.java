package io.spacecomp.emulator.plane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One directed ISL as a FIFO: at most {@link #MAX_IN_FLIGHT} envelopes on the wire at once, the rest
 * wait their turn in order. Like a real link it queues traffic instead of opening a connection per
 * message, which bounds sockets and threads however many jobs run at once.
 */
final class Link {

    static final int MAX_IN_FLIGHT = 2;

    private final ArrayDeque<Envelope> waiting = new ArrayDeque<>();
    private int inFlight;

    /**
     * The hop of the envelope in flight failed for good: takes every envelope waiting behind it, to fail
     * them at once rather than each after its own retries. Traffic queued later tries afresh, so a
     * neighbour that comes back is used again at once.
     */
    synchronized List<Envelope> takeWaiting() {
        List<Envelope> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
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
