package io.spacecomp.emulator.gateway;

import java.time.Duration;

/**
 * What a gateway admits and how long it waits, so that no job outlives its deadline and no plane or disk is
 * asked for more than it has.
 *
 * @param maxJobs          jobs in progress at once; beyond it {@code /submit} answers 503 {@code {error, retry_after_s}}
 *                         (1..100,000)
 * @param minFreeBytes     free space the results directory must have to accept a job; below it 507 {@code {error}}
 *                         (≥ 0)
 * @param keepJobs         finished jobs kept in the results directory; the oldest are deleted beyond it (≥ 1)
 * @param grace            after a job's deadline, how long the gateway waits for its coordinator's outcome before
 *                         it fails the job itself (1 s .. 10 min)
 * @param silence          a satellite of a running job that answers no health check for this long fails the job,
 *                         naming it (1 s .. 10 min)
 * @param maxDataBytes     input data of the jobs in progress at once (the size of each job's {@code job_data.filename},
 *                         or {@link #MIN_JOB_DATA_BYTES} for a job that names no data file); beyond it {@code /submit}
 *                         answers 503 {@code {error, retry_after_s}}; a job whose file alone passes it is refused
 *                         (400) (≥ 1)
 */
public record GatewayLimits(int maxJobs, long minFreeBytes, int keepJobs, Duration grace, Duration silence, long maxDataBytes) {

    /** What a job that names no data file is charged against {@link #maxDataBytes}. */
    public static final long MIN_JOB_DATA_BYTES = 64 * 1024;

    /**
     * Input data in progress for planes of {@code planeHeapBytes} ({@code -Xmx}): an eighth of it. A job's data is what
     * its collectors read, its mappers' batches carry and its reducer takes in (a word count folds ~1.6 MB of text into
     * ~6 MB of heap at its reducer): with 256 MiB planes, 32 MiB of input is ~20 of leopymr's default jobs at once,
     * what one reducing plane holds within its {@code Budget} (2 × 8 jobs) with a few waiting at its door.
     */
    public static long dataBytesFor(long planeHeapBytes) {
        return Math.max(MIN_JOB_DATA_BYTES, planeHeapBytes / 8);
    }

    /** 128 jobs in progress, 64 MiB free, 10,000 finished jobs kept, 10 s grace, 5 s of silence, data for 256 MiB planes. */
    public static final GatewayLimits DEFAULT = new GatewayLimits(128, 64L << 20, 10_000, Duration.ofSeconds(10), Duration.ofSeconds(5),
            dataBytesFor(256L << 20));

    /** With the default data budget. */
    public GatewayLimits(int maxJobs, long minFreeBytes, int keepJobs, Duration grace, Duration silence) {
        this(maxJobs, minFreeBytes, keepJobs, grace, silence, dataBytesFor(256L << 20));
    }

    public GatewayLimits {
        if (maxJobs < 1 || maxJobs > 100_000) {
            throw new IllegalArgumentException("max jobs must be in [1, 100000], got " + maxJobs);
        }
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minimum free bytes must be >= 0, got " + minFreeBytes);
        }
        if (keepJobs < 1) {
            throw new IllegalArgumentException("jobs kept must be >= 1, got " + keepJobs);
        }
        if (maxDataBytes < 1) {
            throw new IllegalArgumentException("max data bytes must be >= 1, got " + maxDataBytes);
        }
        for (Duration d : new Duration[] {grace, silence}) {
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("grace and silence must be in [1 s, 10 min], got " + d);
            }
        }
    }

    /**
     * The silence after which a satellite is taken for gone, for {@code planeProcesses} plane processes sharing
     * {@code cores} cores: 5 s, or half a second per plane process on a core when that is longer (at most a minute). A
     * plane starved of CPU among many (100 on 2 cores: a 100-collector job kept some from answering a health check for
     * over 9 s, measured) is slow, not gone.
     */
    public static Duration silenceFor(int planeProcesses, int cores) {
        if (planeProcesses < 1 || cores < 1) {
            throw new IllegalArgumentException("plane processes and cores must be >= 1, got " + planeProcesses + ", " + cores);
        }
        long ms = Math.max(5_000, 500L * planeProcesses / cores);
        return Duration.ofMillis(Math.min(60_000, ms));
    }

    public GatewayLimits withSilence(Duration d) {
        return new GatewayLimits(maxJobs, minFreeBytes, keepJobs, grace, d, maxDataBytes);
    }

    public GatewayLimits withMaxJobs(int n) {
        return new GatewayLimits(n, minFreeBytes, keepJobs, grace, silence, maxDataBytes);
    }

    public GatewayLimits withMinFreeBytes(long b) {
        return new GatewayLimits(maxJobs, b, keepJobs, grace, silence, maxDataBytes);
    }

    public GatewayLimits withKeepJobs(int n) {
        return new GatewayLimits(maxJobs, minFreeBytes, n, grace, silence, maxDataBytes);
    }

    public GatewayLimits withMaxDataBytes(long b) {
        return new GatewayLimits(maxJobs, minFreeBytes, keepJobs, grace, silence, b);
    }
}
