package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.Record;

import java.util.List;

/** The job protocol's messages, one record per action (SPEC §6). */
public sealed interface Message {

    /** The job this message belongs to. */
    JobMeta meta();

    default String jobId() {
        return meta().jobId();
    }

    /** The action name as the wire and the trace know it. */
    String action();

    /** Coordinator → collector: collect your share and stream it to {@code mapper} (or the reducer when skipping map). */
    record Collect(JobMeta meta, SatId mapper) implements Message {
        public String action() {
            return "collect";
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

        public String action() {
            return "map";
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

        public String action() {
            return "reduce";
        }
    }

    /** Coordinator → remote reducer: how many streams to wait for. */
    record SetMapCount(JobMeta meta, int streams) implements Message {
        public String action() {
            return "set_map_count";
        }
    }

    /** Reducer → coordinator: the reduced result, and when the reducer finished reducing ({@code reducedS}, clock seconds). */
    record ReduceResponse(JobMeta meta, Record result, SatId reducer, double reducedS) implements Message {
        public String action() {
            return "reduce_response";
        }
    }

    /**
     * Any satellite → coordinator of a job that re-plans: a message to {@code lost} could not get through,
     * so the coordinator may move that satellite's work.
     */
    record PeerLost(JobMeta meta, SatId lost, String reason, SatId reporter) implements Message {
        public String action() {
            return "peer_lost";
        }
    }

    /** Any satellite → coordinator: the job cannot finish. */
    record JobFailed(JobMeta meta, String reason, SatId reporter) implements Message {
        public String action() {
            return "job_failed";
        }
    }
}
