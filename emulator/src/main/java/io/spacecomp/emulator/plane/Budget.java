package io.spacecomp.emulator.plane;

/**
 * What a plane's satellites take on before they answer a hop "busy, retry after …" (HTTP 503), sized from the
 * plane's heap ({@code -Xmx}, or {@code plane --budget-heap-mb}). Each limit holds for every satellite, and their
 * sum over the plane holds for the plane (twice the satellite's: one busy satellite may take half the plane's).
 *
 * <ul>
 *   <li>{@code queueBytes}: envelopes a satellite took on and has not handled yet (relayed or delivered), bytes as
 *       sent: heap/16 a satellite. Past it every hop to it waits; a satellite with nothing queued takes any one
 *       envelope, however large, so none waits for ever.</li>
 *   <li>{@code reduceJobs}: jobs a satellite reduces at once (each holds a running result until its last stream is
 *       in; leopymr's word count of a 1.6 MB text folds into ~6 MB): heap/32 MiB, at least 1. A new job's first
 *       batch (or stream count) waits past it; a job already taken is never refused, so its streams always finish.</li>
 *   <li>{@code reduceBytes}: bytes of batches the reductions in progress took in: heap/16. A new job waits past it.</li>
 *   <li>{@code mapStreams}: mapper streams open (each a collector's batches still coming): 32 per reduce job. A new
 *       job's first batch waits past it.</li>
 *   <li>{@code outBytes}: envelopes waiting on a satellite's outgoing links (sent, relayed, or waiting to retry a busy
 *       neighbour): heap/16. Past it the satellite takes no new {@code collect}, and a collector part-way through
 *       its share stops between batches ({@code Transport.collectAllowance}): collectors pause until what they sent
 *       has left. Mappers and relays never pause on it (they would wait on the reducer that waits on them).</li>
 * </ul>
 *
 * @param queueBytes  per satellite
 * @param reduceJobs  per satellite
 * @param reduceBytes per satellite
 * @param mapStreams  per satellite
 * @param outBytes    per satellite
 */
public record Budget(long queueBytes, int reduceJobs, long reduceBytes, int mapStreams, long outBytes) {

    /** A reduce job's share of the heap when sizing {@code reduceJobs}. */
    static final long HEAP_PER_REDUCE_JOB = 32L << 20;

    public Budget {
        if (queueBytes < 1 || reduceJobs < 1 || reduceBytes < 1 || mapStreams < 1 || outBytes < 1) {
            throw new IllegalArgumentException("every budget must be >= 1, got " + queueBytes + ", " + reduceJobs + ", "
                    + reduceBytes + ", " + mapStreams + ", " + outBytes);
        }
    }

    /** The budget of a plane whose heap is {@code heapBytes}. */
    public static Budget ofHeap(long heapBytes) {
        if (heapBytes < (1L << 20)) {
            throw new IllegalArgumentException("a plane's heap for its budget must be at least 1 MiB, got " + heapBytes + " bytes");
        }
        int jobs = (int) Math.max(1, Math.min(10_000, heapBytes / HEAP_PER_REDUCE_JOB));
        return new Budget(heapBytes / 16, jobs, heapBytes / 16, 32 * jobs, heapBytes / 16);
    }

    /** The budget of this JVM's heap ({@code -Xmx}). */
    public static Budget ofThisHeap() {
        return ofHeap(Runtime.getRuntime().maxMemory());
    }
}
