package io.spacecomp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.tasks.Record;

import java.util.Iterator;
import java.util.Map;

import java.util.List;

/** Bytes a message puts on a link: its records as JSON text plus attachments, plus fixed metadata. */
public final class MessageSize {

    /** Job metadata and framing (bytes). */
    public static final long HEADER_BYTES = 256;

    private MessageSize() {
    }

    public static long of(Message m) {
        if (m instanceof Message.MapBatch b) {
            return HEADER_BYTES + records(b.records());
        }
        if (m instanceof Message.ReduceBatch b) {
            return HEADER_BYTES + records(b.records());
        }
        if (m instanceof Message.ReduceResponse r) {
            return HEADER_BYTES + record(r.result());
        }
        return HEADER_BYTES;
    }

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
        if (v.isTextual()) {
            return v.textValue().length() + 2L;
        }
        if (v.isObject()) {
            long n = 2;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                n += e.getKey().length() + 4 + json(e.getValue());
            }
            return n;
        }
        if (v.isArray()) {
            long n = 2;
            for (JsonNode e : v) {
                n += json(e) + 1;
            }
            return n;
        }
        if (v.isIntegralNumber()) {
            long x = v.asLong();
            return x == 0 ? 1 : (long) Math.floor(Math.log10(Math.abs((double) x))) + (x < 0 ? 2 : 1);
        }
        return v.asText().length();
    }
}
