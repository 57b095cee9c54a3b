package io.spacecomp.emulator.gateway;

import io.spacecomp.emulator.net.SatelliteAddresses;
import io.spacecomp.orbit.shell.SatId;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's own watch over the jobs it accepted, so that none outlives its deadline whatever a plane
 * does: every second it asks the satellites of every running job ({@code /health}: coordinator, reducer,
 * collectors, mappers) whether they are there; a satellite silent for {@link GatewayLimits#silence} fails
 * its jobs, naming it (a killed, paused or out-of-memory plane); a job with no outcome past its deadline
 * plus {@link GatewayLimits#grace} fails too (a coordinator that lost it). Per-job state lives here from
 * acceptance until the job ends, and no longer.
 */
final class Watchdog implements AutoCloseable {

    /** Ends a job as failed, once (the gateway ignores a second outcome of the same job). */
    @FunctionalInterface
    interface Failure {
        void fail(String jobId, long acceptedMs, String reason);
    }

    /** A job in progress: when it was accepted, its deadline (Unix ms), the satellites it needs, its input data (bytes). */
    record Job(String jobId, SatId coordinator, long acceptedMs, long deadlineMs, double timeoutS, Set<SatId> satellites,
               long dataBytes) {
        Job {
            satellites = Set.copyOf(satellites);
        }
    }

    /** What the last health checks of one satellite said. */
    private static final class Health {
        volatile boolean inFlight;
        volatile long silentSinceMs = -1;
        volatile int failures;
        volatile String lastError = "";
    }

    private static final long PERIOD_MS = 1_000;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<SatId, Health> health = new ConcurrentHashMap<>();
    private final SatelliteAddresses addresses;
    private final HttpClient client;
    private final GatewayLimits limits;
    private final Failure failure;
    private final Runnable housekeeping;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** @param housekeeping also run every second (the store writes outcomes the disk did not take) */
    Watchdog(SatelliteAddresses addresses, HttpClient client, GatewayLimits limits, Failure failure, Runnable housekeeping) {
        this.housekeeping = housekeeping;
        this.addresses = addresses;
        this.client = client;
        this.limits = limits;
        this.failure = failure;
        timer.scheduleWithFixedDelay(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Jobs in progress. */
    int running() {
        return jobs.size();
    }

    /** Why a job was not admitted. */
    enum Full {
        JOBS, DATA
    }

    /**
     * Reserves a place for a job about to go up with {@code dataBytes} of input; null when admitted, else what is full:
     * {@link GatewayLimits#maxJobs} jobs running, or their data would pass {@link GatewayLimits#maxDataBytes} (a job
     * is admitted whatever its size when none runs, so a large one waits but is never refused for ever).
     */
    synchronized Full admit(String jobId, SatId coordinator, double timeoutS, long dataBytes) {
        if (jobs.size() >= limits.maxJobs()) {
            return Full.JOBS;
        }
        if (!jobs.isEmpty() && dataInProgress() + dataBytes > limits.maxDataBytes()) {
            return Full.DATA;
        }
        long now = System.currentTimeMillis();
        jobs.put(jobId, new Job(jobId, coordinator, now, now + Math.round(timeoutS * 1000), timeoutS, Set.of(coordinator), dataBytes));
        return null;
    }

    /** Input data of the jobs in progress (bytes). */
    long dataInProgress() {
        long sum = 0;
        for (Job j : jobs.values()) {
            sum += j.dataBytes();
        }
        return sum;
    }

    /** The job's plan is known: its satellites are watched too (unless it already ended). */
    void planned(String jobId, Set<SatId> satellites) {
        jobs.computeIfPresent(jobId, (id, j) -> {
            Set<SatId> all = new HashSet<>(j.satellites());
            all.addAll(satellites);
            return new Job(id, j.coordinator(), j.acceptedMs(), j.deadlineMs(), j.timeoutS(), all, j.dataBytes());
        });
    }

    /** The job ended (an outcome came down, or it was refused): nothing of it is kept. */
    void ended(String jobId) {
        jobs.remove(jobId);
    }

    private void tick() {
        try {
            housekeeping.run();
        } catch (RuntimeException e) {
            // tried again next second
        }
        try {
            long now = System.currentTimeMillis();
            Set<SatId> watched = new HashSet<>();
            for (Job j : jobs.values()) {
                if (now > j.deadlineMs() + limits.grace().toMillis()) {
                    end(j, String.format(Locale.ROOT, "no outcome from the coordinator %s within the job's deadline of %.0f s "
                            + "(and %d s of grace): the coordinator lost the job or is gone", j.coordinator(), j.timeoutS(),
                            limits.grace().toSeconds()));
                    continue;
                }
                SatId silent = null;
                for (SatId s : j.satellites()) {
                    Health h = health.get(s);
                    if (h != null && isSilent(h, now)) {
                        silent = s;
                        break;
                    }
                }
                if (silent != null) {
                    Health h = health.get(silent);
                    end(j, String.format(Locale.ROOT, "satellite %s of the job stopped answering: no health check answered for %.1f s (%s)",
                            silent, (now - h.silentSinceMs) / 1000.0, h.lastError));
                    continue;
                }
                watched.addAll(j.satellites());
            }
            health.keySet().retainAll(watched);
            for (SatId s : watched) {
                probe(s, health.computeIfAbsent(s, k -> new Health()));
            }
        } catch (RuntimeException e) {
            // the next tick tries again
        }
    }

    private boolean isSilent(Health h, long now) {
        long since = h.silentSinceMs;
        return since >= 0 && h.failures >= 2 && now - since >= limits.silence().toMillis();
    }

    private void end(Job j, String reason) {
        if (jobs.remove(j.jobId()) != null) {
            failure.fail(j.jobId(), j.acceptedMs(), reason);
        }
    }

    private void probe(SatId s, Health h) {
        if (h.inFlight) {
            return;
        }
        h.inFlight = true;
        long sent = System.currentTimeMillis();
        Duration timeout = Duration.ofMillis(Math.max(1_000, Math.min(3_000, limits.silence().toMillis() * 3 / 5)));
        client.sendAsync(HttpRequest.newBuilder(addresses.uri(s, "/health")).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                        h.silentSinceMs = -1;
                        h.failures = 0;
                    } else {
                        if (h.silentSinceMs < 0) {
                            h.silentSinceMs = sent;
                        }
                        h.failures++;
                        Throwable c = e != null && e.getCause() != null ? e.getCause() : e;
                        h.lastError = c != null ? c.getClass().getSimpleName() : "HTTP " + r.statusCode();
                    }
                    h.inFlight = false;
                });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
