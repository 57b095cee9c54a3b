package io.spacecomp.experiments;

import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, from a simulated run's trace, how often each satellite handles a message of a phase, the way
 * the ISL network counts visits: once at the sender when a message leaves, once at each hop's receiver.
 * Map phase = {@code map} messages (collector → mapper); reduce phase = {@code reduce} (mapper →
 * reducer) and {@code reduce_response} (reducer → LOS) messages.
 */
final class PhaseVisits implements TraceSink {

    static final List<String> MAP_ACTIONS = List.of("map");
    static final List<String> REDUCE_ACTIONS = List.of("reduce", "reduce_response");

    private final int satsPerPlane;
    private final long[] map;
    private final long[] reduce;
    private final long[] mapRelay;
    private final long[] reduceRelay;
    /** Destination node of each message in flight, by message id (looked up, never iterated). */
    private final Map<Long, Integer> destination = new HashMap<>();
    private long mapMessages;
    private long reduceMessages;

    PhaseVisits(int planes, int satsPerPlane) {
        this.satsPerPlane = satsPerPlane;
        this.map = new long[planes * satsPerPlane];
        this.reduce = new long[planes * satsPerPlane];
        this.mapRelay = new long[planes * satsPerPlane];
        this.reduceRelay = new long[planes * satsPerPlane];
    }

    @Override
    public void emit(TraceEvent e) {
        boolean sent = e.type().equals("message_sent");
        if (!sent && !e.type().equals("hop")) {
            return;
        }
        long[] counts = MAP_ACTIONS.contains(e.action()) ? map : REDUCE_ACTIONS.contains(e.action()) ? reduce : null;
        if (counts == null) {
            return;
        }
        int node = node(sent ? e.from() : e.to());
        counts[node]++;
        if (sent) {
            destination.put(e.msgId(), node(e.to()));
            if (counts == map) {
                mapMessages++;
            } else {
                reduceMessages++;
            }
        } else if (destination.get(e.msgId()) != node) {
            (counts == map ? mapRelay : reduceRelay)[node]++;
        }
    }

    private int node(int[] sat) {
        return (sat[1] - 1) * satsPerPlane + sat[0] - 1;
    }

    Load map() {
        return Load.of(map, mapRelay, mapMessages);
    }

    Load reduce() {
        return Load.of(reduce, reduceRelay, reduceMessages);
    }

    /**
     * How a phase loaded the constellation.
     *
     * @param messages      messages of the phase
     * @param visits        Σ visits over all satellites
     * @param touched       satellites visited at least once
     * @param maxVisits     visits of the busiest satellite, endpoints included (usually the reducer or a mapper)
     * @param maxRelayVisits messages forwarded by the busiest relay (a satellite neither sending nor receiving them)
     * @param cvTouched     coefficient of variation (sd/mean) of the visits of the touched satellites
     * @param top5SharePct  share of all visits taken by the 5 busiest satellites (%)
     */
    record Load(long messages, long visits, int touched, long maxVisits, long maxRelayVisits, double cvTouched,
                double top5SharePct) {
        static Load of(long[] counts, long[] relay, long messages) {
            long maxRelay = 0;
            for (long c : relay) {
                maxRelay = Math.max(maxRelay, c);
            }
            long total = 0;
            int touched = 0;
            long max = 0;
            for (long c : counts) {
                total += c;
                max = Math.max(max, c);
                if (c > 0) {
                    touched++;
                }
            }
            long[] nonZero = new long[touched];
            int i = 0;
            for (long c : counts) {
                if (c > 0) {
                    nonZero[i++] = c;
                }
            }
            java.util.Arrays.sort(nonZero);
            long top = 0;
            for (int j = nonZero.length - 1; j >= Math.max(0, nonZero.length - 5); j--) {
                top += nonZero[j];
            }
            return new Load(messages, total, touched, max, maxRelay, Stats.cv(nonZero), total == 0 ? 0 : 100.0 * top / total);
        }
    }
}
