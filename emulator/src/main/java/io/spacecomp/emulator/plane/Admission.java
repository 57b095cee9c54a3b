package io.spacecomp.emulator.plane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.protocol.SatelliteNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plane's admission of ISL hops within its {@link Budget}: each satellite keeps a {@link Ledger} of what it holds,
 * and a hop that would take a satellite (or the plane) past its budget is refused with a {@link Busy} reason, which
 * the satellite answers as HTTP 503 {@code {error, retry_after_s}}; the sender keeps the envelope and tries again.
 *
 * <p>Never a deadlock: only work of a job new to the satellite is refused on the job and stream budgets (a job
 * taken is always fed), a satellite with nothing queued takes any envelope, and collectors are the only ones that
 * pause on what waits to leave (their output waits only on mappers, which wait only on collectors).
 */
final class Admission {

    /** Why a hop is refused, and how long its sender should wait before trying again. */
    enum Busy {
        QUEUE(0.2, "envelopes waiting to be handled"),
        REDUCE_JOBS(1.0, "jobs being reduced"),
        REDUCE_BYTES(1.0, "bytes taken in by reductions in progress"),
        MAP_STREAMS(0.5, "mapper streams open"),
        OUT_BYTES(0.5, "bytes waiting to leave (collectors pause)");

        final double retryAfterS;
        final String what;

        Busy(double retryAfterS, String what) {
            this.retryAfterS = retryAfterS;
            this.what = what;
        }
    }

    /** What {@link Ledger#take} decided: a ticket, or a refusal. */
    sealed interface Decision permits Ticket, Refusal {
    }

    /** A hop taken on: what it charges until its envelope has been handled. */
    static final class Ticket implements Decision {
        private final Ledger ledger;
        private final long bytes;
        /** The job whose new work it brings (a reduction or a mapper stream), or null. */
        private final String job;
        private final boolean reduce;

        private Ticket(Ledger ledger, long bytes, String job, boolean reduce) {
            this.ledger = ledger;
            this.bytes = bytes;
            this.job = job;
            this.reduce = reduce;
        }
    }

    /** A refusal: the reason, and what the satellite or the plane holds against which limit. */
    record Refusal(Busy reason, String detail) implements Decision {
        String message() {
            return "busy: " + detail + "; retry after " + reason.retryAfterS + " s";
        }
    }

    private final Budget budget;
    private final List<Ledger> ledgers = new ArrayList<>();

    Admission(Budget budget) {
        this.budget = budget;
    }

    Budget budget() {
        return budget;
    }

    /** Bytes waiting on the outgoing links of all the plane's satellites; call it holding this object's lock. */
    private long planeOut() {
        long sum = 0;
        for (Ledger l : ledgers) {
            sum += l.out;
        }
        return sum;
    }

    /** A new satellite's ledger. */
    synchronized Ledger ledger(String name) {
        Ledger l = new Ledger(name);
        ledgers.add(l);
        return l;
    }

    /** What one satellite holds against the budget. Guarded by its {@link Admission}. */
    final class Ledger {
        private final String name;
        private SatelliteNode.Load load = SatelliteNode.Load.NONE;
        private long queued;
        private long out;
        /** Jobs whose new work waits in the queue, not yet in {@link #load}: count of such envelopes. */
        private final Map<String, Integer> pendingReduce = new HashMap<>();
        private final Map<String, Integer> pendingMap = new HashMap<>();
        private final List<Ticket> handled = new ArrayList<>();
        private final Map<Busy, Long> refused = new EnumMap<>(Busy.class);

        private Ledger(String name) {
            this.name = name;
        }

        private Set<String> reducing() {
            if (pendingReduce.isEmpty()) {
                return load.reducing();
            }
            Set<String> all = new HashSet<>(load.reducing());
            all.addAll(pendingReduce.keySet());
            return all;
        }

        private int mapStreams() {
            int n = load.mapStreams();
            for (String job : pendingMap.keySet()) {
                if (!load.mapping().contains(job)) {
                    n++;
                }
            }
            return n;
        }

        /**
         * Takes on an envelope of {@code bytes} for this satellite, or says why not. {@code job} and {@code work} say
         * what new work it brings when it ends here (null: none, it is relayed or closes work).
         */
        Decision take(long bytes, String job, Work work) {
            synchronized (Admission.this) {
                Refusal no = refusal(bytes, job, work);
                if (no != null) {
                    refused.merge(no.reason(), 1L, Long::sum);
                    return no;
                }
                queued += bytes;
                String opens = null;
                boolean reduce = work == Work.REDUCE;
                if (work == Work.REDUCE || work == Work.MAP) {
                    opens = job;
                    (reduce ? pendingReduce : pendingMap).merge(job, 1, Integer::sum);
                }
                return new Ticket(this, bytes, opens, reduce);
            }
        }

        private Refusal refusal(long bytes, String job, Work work) {
            long planeQueued = 0;
            for (Ledger l : ledgers) {
                planeQueued += l.queued;
            }
            if (queued > 0 && queued + bytes > budget.queueBytes()) {
                return new Refusal(Busy.QUEUE, String.format(Locale.ROOT, "%s has %s of %s queued", name, mib(queued), mib(budget.queueBytes())));
            }
            if (planeQueued > 0 && planeQueued + bytes > 2 * budget.queueBytes()) {
                return new Refusal(Busy.QUEUE, String.format(Locale.ROOT, "its plane has %s of %s queued", mib(planeQueued),
                        mib(2 * budget.queueBytes())));
            }
            if (work == Work.COLLECT) {
                long planeOut = planeOut();
                if (out >= budget.outBytes()) {
                    return new Refusal(Busy.OUT_BYTES, String.format(Locale.ROOT, "%s has %s of %s waiting to leave", name, mib(out),
                            mib(budget.outBytes())));
                }
                if (planeOut >= 2 * budget.outBytes()) {
                    return new Refusal(Busy.OUT_BYTES, String.format(Locale.ROOT, "its plane has %s of %s waiting to leave",
                            mib(planeOut), mib(2 * budget.outBytes())));
                }
            } else if (work == Work.REDUCE) {
                Set<String> here = reducing();
                if (here.contains(job)) {
                    return null;
                }
                int planeJobs = 0;
                long planeBytes = 0;
                for (Ledger l : ledgers) {
                    planeJobs += l.reducing().size();
                    planeBytes += l.load.reduceBytes();
                }
                if (here.size() >= budget.reduceJobs()) {
                    return new Refusal(Busy.REDUCE_JOBS, name + " reduces " + here.size() + " jobs, the most it takes at once");
                }
                if (planeJobs >= 2 * budget.reduceJobs()) {
                    return new Refusal(Busy.REDUCE_JOBS, "its plane reduces " + planeJobs + " jobs, the most it takes at once");
                }
                if (load.reduceBytes() >= budget.reduceBytes()) {
                    return new Refusal(Busy.REDUCE_BYTES, String.format(Locale.ROOT, "%s's reductions took in %s of %s", name,
                            mib(load.reduceBytes()), mib(budget.reduceBytes())));
                }
                if (planeBytes >= 2 * budget.reduceBytes()) {
                    return new Refusal(Busy.REDUCE_BYTES, String.format(Locale.ROOT, "its plane's reductions took in %s of %s",
                            mib(planeBytes), mib(2 * budget.reduceBytes())));
                }
            } else if (work == Work.MAP) {
                if (load.mapping().contains(job) || pendingMap.containsKey(job)) {
                    return null;
                }
                int planeStreams = 0;
                for (Ledger l : ledgers) {
                    planeStreams += l.mapStreams();
                }
                int streams = mapStreams();
                if (streams >= budget.mapStreams()) {
                    return new Refusal(Busy.MAP_STREAMS, name + " has " + streams + " mapper streams open, the most it takes");
                }
                if (planeStreams >= 2 * budget.mapStreams()) {
                    return new Refusal(Busy.MAP_STREAMS, "its plane has " + planeStreams + " mapper streams open, the most it takes");
                }
            }
            return null;
        }

        /** The envelope of {@code t} was handled (its node took the message, or it went on to the next hop). */
        void handled(Ticket t) {
            synchronized (Admission.this) {
                handled.add(t);
            }
        }

        /**
         * After each of the satellite's tasks: what its node holds now; then the tickets handled are released (in that
         * order, so a job is never seen neither pending nor in progress).
         */
        void afterTask(SatelliteNode.Load now) {
            synchronized (Admission.this) {
                load = now;
                for (Ticket t : handled) {
                    queued -= t.bytes;
                    if (t.job != null) {
                        Map<String, Integer> pending = t.reduce ? pendingReduce : pendingMap;
                        pending.computeIfPresent(t.job, (k, n) -> n == 1 ? null : n - 1);
                    }
                }
                handled.clear();
            }
        }

        /** Bytes enter ({@code > 0}) or leave ({@code < 0}) this satellite's outgoing links. */
        void out(long bytes) {
            synchronized (Admission.this) {
                out += bytes;
            }
        }

        /**
         * Bytes more it may have waiting to leave before its collectors pause (≤ 0: pause): what is left of its own
         * budget, or of its plane's (twice a satellite's), whichever is less.
         */
        long outAllowance() {
            synchronized (Admission.this) {
                return Math.min(budget.outBytes() - out, 2 * budget.outBytes() - planeOut());
            }
        }

        /** What it holds and what it refused, for {@code /health}. */
        void describe(ObjectNode o) {
            synchronized (Admission.this) {
                o.put("queued_bytes", queued);
                o.put("out_bytes", out);
                o.put("reduce_jobs", reducing().size());
                o.put("reduce_bytes", load.reduceBytes());
                o.put("map_streams", mapStreams());
                ObjectNode r = o.putObject("busy_refusals");
                for (Busy b : Busy.values()) {
                    r.put(b.name().toLowerCase(Locale.ROOT), refused.getOrDefault(b, 0L));
                }
            }
        }
    }

    /** What an envelope starts where it ends, as far as the budget is concerned. */
    enum Work {
        /** Nothing new: relayed on, or news for a job's coordinator. */
        NONE,
        /** A collector's share of a job: its output will wait on the outgoing links. */
        COLLECT,
        /** A mapper stream. */
        MAP,
        /** A reduction (its stream count or a batch). */
        REDUCE;

        /** The work a message of {@code action} starts at its destination. */
        static Work of(String action) {
            switch (action) {
                case "collect":
                    return COLLECT;
                case "map":
                    return MAP;
                case "reduce":
                case "set_map_count":
                    return REDUCE;
                default:
                    return NONE;
            }
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
