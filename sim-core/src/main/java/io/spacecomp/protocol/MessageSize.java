package io.spacecomp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.tasks.Record;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Bytes a message puts on a link: its records as JSON text plus attachments, plus fixed metadata. */
public final class MessageSize {

    /** Job metadata and framing (bytes). */
    public static final long HEADER_BYTES = 256;

    private MessageSize() {
    }

    public static long of(Message m) {
        return HEADER_BYTES + m.accept(PAYLOAD);
    }

    /** Bytes beyond the header: the records a message carries (control messages carry none). */
    private static final Message.Visitor<Long> PAYLOAD = new Message.Visitor<>() {
        public Long collect(Message.Collect m) {
            return 0L;
        }

        public Long mapBatch(Message.MapBatch m) {
            return records(m.records());
        }

        public Long reduceBatch(Message.ReduceBatch m) {
            return records(m.records());
        }

        public Long setMapCount(Message.SetMapCount m) {
            return 0L;
        }

        public Long reduceResponse(Message.ReduceResponse m) {
            return record(m.result());
        }

        public Long peerLost(Message.PeerLost m) {
            return 0L;
        }

        public Long jobFailed(Message.JobFailed m) {
            return 0L;
        }
    };

    public static long records(List<Record> records) {
        long n = 0;
        for (Record r : records) {
            n += record(r);
        }
        return n;
    }

    public static long record(Record r) {
        long n = json(r.value());
        return r.hasAttachment() ? n + r.attachment().size() : n;
    }

    /**
     * Length of a JSON value's compact text, counted without writing it (characters; escapes and
     * multi-byte characters are not expanded: an estimate within a few percent for text).
     */
    static long json(JsonNode v) {
        // One switch on the node type and digits counted by comparison: this runs over every count of every batch,
        // where the isX() chain and a log10 per number cost more than encoding the batch (measured).
        switch (v.getNodeType()) {
            case STRING:
                return v.textValue().length() + 2L;
            case OBJECT: {
                long n = 2;
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    n += e.getKey().length() + 4 + json(e.getValue());
                }
                return n;
            }
            case ARRAY: {
                long n = 2;
                for (JsonNode e : v) {
                    n += json(e) + 1;
                }
                return n;
            }
            case NUMBER:
                if (v.isIntegralNumber()) {
                    return digits(v.asLong());
                }
                return v.asText().length();
            default:
                return v.asText().length();
        }
    }

    /** Characters of {@code x} in decimal, as {@code floor(log10|x|) + 1} (+1 for a minus) always counted them. */
    static long digits(long x) {
        if (x == 0) {
            return 1;
        }
        long a = Math.abs(x);
        if (a <= 0 || a >= 100_000_000_000_000L) {
            // from 10^14 on, log10 of 99...9 may round up to a whole number: keep the old formula's answer exactly
            return (long) Math.floor(Math.log10(Math.abs((double) x))) + (x < 0 ? 2 : 1);
        }
        long n = 1;
        for (long p = 10; p <= a; p *= 10) {
            n++;
        }
        return x < 0 ? n + 1 : n;
    }
}
