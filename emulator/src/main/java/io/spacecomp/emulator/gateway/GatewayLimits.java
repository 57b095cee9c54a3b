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
 */
public record GatewayLimits(int maxJobs, long minFreeBytes, int keepJobs, Duration grace, Duration silence) {

    /** 128 jobs in progress, 64 MiB free, 10,000 finished jobs kept, 10 s grace, 5 s of silence. */
    public static final GatewayLimits DEFAULT = new GatewayLimits(128, 64L << 20, 10_000, Duration.ofSeconds(10), Duration.ofSeconds(5));

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
        for (Duration d : new Duration[] {grace, silence}) {
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("grace and silence must be in [1 s, 10 min], got " + d);
            }
        }
    }

    public GatewayLimits withMaxJobs(int n) {
        return new GatewayLimits(n, minFreeBytes, keepJobs, grace, silence);
    }

    public GatewayLimits withMinFreeBytes(long b) {
        return new GatewayLimits(maxJobs, b, keepJobs, grace, silence);
    }

    public GatewayLimits withKeepJobs(int n) {
        return new GatewayLimits(maxJobs, minFreeBytes, n, grace, silence);
    }
}
