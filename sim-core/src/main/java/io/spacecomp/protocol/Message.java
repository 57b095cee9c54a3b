package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.Record;

import java.util.List;

/**
 * The job protocol's messages, one record per action (SPEC §6).
 *
 * <p>A new message type cannot be forgotten: it must implement {@link #accept}, which needs a method in
 * {@link Visitor}, which every place that handles messages implements (the satellite's handler, the wire
 * codec, the sizing), so they stop compiling until they handle it; its {@link Action} then makes the wire's
 * decoding switch (a switch expression over an enum, exhaustive without a default) stop compiling too.
 */
public sealed interface Message {

    /** The job this message belongs to. */
    JobMeta meta();

    default String jobId() {
        return meta().jobId();
    }

    /** Calls the visitor's method for this message's type. */
    <R> R accept(Visitor<R> v);

    /** This message's type. */
    default Action type() {
        return accept(Action.OF);
    }

    /** The action name as the wire and the trace know it. */
    default String action() {
        return type().wireName();
    }

    /** One method per message type: what every handler of messages must say for each. */
    interface Visitor<R> {
        R collect(Collect m);

        R mapBatch(MapBatch m);

        R reduceBatch(ReduceBatch m);

        R setMapCount(SetMapCount m);

        R reduceResponse(ReduceResponse m);

        R peerLost(PeerLost m);

        R jobFailed(JobFailed m);
    }

    /** The message types by the action name the wire and the trace know them by. */
    enum Action {
        COLLECT("collect"), MAP("map"), REDUCE("reduce"), SET_MAP_COUNT("set_map_count"),
        REDUCE_RESPONSE("reduce_response"), PEER_LOST("peer_lost"), JOB_FAILED("job_failed");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The type named {@code name} on the wire, or null. */
        public static Action byWireName(String name) {
            for (Action a : values()) {
                if (a.wireName.equals(name)) {
                    return a;
                }
            }
            return null;
        }

        /** The wire names, in declaration order (for error messages). */
        public static java.util.List<String> wireNames() {
            return java.util.Arrays.stream(values()).map(Action::wireName).toList();
        }

        static final Visitor<Action> OF = new Visitor<>() {
            public Action collect(Collect m) {
                return COLLECT;
            }

            public Action mapBatch(MapBatch m) {
                return MAP;
            }

            public Action reduceBatch(ReduceBatch m) {
                return REDUCE;
            }

            public Action setMapCount(SetMapCount m) {
                return SET_MAP_COUNT;
            }

            public Action reduceResponse(ReduceResponse m) {
                return REDUCE_RESPONSE;
            }

            public Action peerLost(PeerLost m) {
                return PEER_LOST;
            }

            public Action jobFailed(JobFailed m) {
                return JOB_FAILED;
            }
        };
    }

    /** Coordinator → collector: collect your share and stream it to {@code mapper} (or the reducer when skipping map). */
    record Collect(JobMeta meta, SatId mapper) implements Message {
        public <R> R accept(Visitor<R> v) {
            return v.collect(this);
        }
    }

    /**
     * Collector → mapper: batch {@code index} (0-based) of collected records; {@code endCollect} on the
     * last one, which also says how many batches the stream holds.
     */
    record MapBatch(JobMeta meta, SatId collector, int index, boolean endCollect, List<Record> records)
            implements Message {
        public MapBatch {
            records = List.copyOf(records);
        }

        public <R> R accept(Visitor<R> v) {
            return v.mapBatch(this);
        }
    }

    /**
     * Mapper (or combining collector) → reducer: batch {@code index} of stream {@code source};
     * {@code endMap} on the last one, {@code index + 1} being the stream's batch count.
     */
    record ReduceBatch(JobMeta meta, SatId source, int index, boolean endMap, List<Record> records)
            implements Message {
        public ReduceBatch {
            records = List.copyOf(records);
        }

        public <R> R accept(Visitor<R> v) {
            return v.reduceBatch(this);
        }
    }

    /** Coordinator → remote reducer: how many streams to wait for. */
    record SetMapCount(JobMeta meta, int streams) implements Message {
        public <R> R accept(Visitor<R> v) {
            return v.setMapCount(this);
        }
    }

    /** Reducer → coordinator: the reduced result, and when the reducer finished reducing ({@code reducedS}, clock seconds). */
    record ReduceResponse(JobMeta meta, Record result, SatId reducer, double reducedS) implements Message {
        public <R> R accept(Visitor<R> v) {
            return v.reduceResponse(this);
        }
    }

    /**
     * Any satellite → coordinator of a job that re-plans: a message to {@code lost} could not get through,
     * so the coordinator may move that satellite's work.
     */
    record PeerLost(JobMeta meta, SatId lost, String reason, SatId reporter) implements Message {
        public <R> R accept(Visitor<R> v) {
            return v.peerLost(this);
        }
    }

    /** Any satellite → coordinator: the job cannot finish. */
    record JobFailed(JobMeta meta, String reason, SatId reporter) implements Message {
        public <R> R accept(Visitor<R> v) {
            return v.jobFailed(this);
        }
    }
}
