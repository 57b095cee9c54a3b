package io.spacecomp.protocol;

import io.spacecomp.tasks.Record;

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
        long n = r.value().isTextual() ? r.value().textValue().length() + 2L : r.value().toString().length();
        return r.hasAttachment() ? n + r.attachment().size() : n;
    }
}
