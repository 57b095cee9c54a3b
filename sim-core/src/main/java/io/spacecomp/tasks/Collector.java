package io.spacecomp.tasks;

import java.util.List;

/**
 * Produces the records of one collector (data id {@code ctx.dataId()} of {@code ctx.dataSize()}).
 *
 * <p>A satellite reads a collector's share through {@link #open}, a batch at a time, and sends each batch on as it
 * is read; in a live constellation it pauses between batches while what it sent still waits to leave. A collector
 * whose share is large should override {@link #open} so that it is never held whole; {@link #collect} alone is
 * enough for one that fits in memory.
 */
public interface Collector extends Task {

    /** The whole share at once. */
    List<Record> collect(TaskContext ctx) throws Exception;

    /** The share, to be read a batch at a time; by default {@link #collect}'s list, handed out in pieces. */
    default Share open(TaskContext ctx) throws Exception {
        return Share.of(collect(ctx));
    }

    /** A collector's share being read: used by one thread at a time, and dropped when its job ends. */
    interface Share {

        /**
         * The next {@code max} records (≥ 1), or fewer only at the end of the share: an empty list once everything
         * was read. The same share cut into batches of any size gives the same records in the same order.
         */
        List<Record> next(int max) throws Exception;

        /** A share held whole already, handed out a sublist at a time. */
        static Share of(List<Record> records) {
            return new Share() {
                private int at;

                @Override
                public List<Record> next(int max) {
                    if (max < 1) {
                        throw new IllegalArgumentException("a batch takes at least 1 record, got " + max);
                    }
                    List<Record> batch = records.subList(at, Math.min(records.size(), at + max));
                    at += batch.size();
                    return batch;
                }
            };
        }
    }
}
