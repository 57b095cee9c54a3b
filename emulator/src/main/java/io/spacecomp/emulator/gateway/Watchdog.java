package io.spacecomp.emulator.gateway;

import io.spacecomp.emulator.net.SatelliteAddresses;
import io.spacecomp.orbit.shell.SatId;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's own watch over the jobs it accepted, so that none outlives its deadline whatever a plane
 * does: every second (every fifth of the silence, when longer) it asks the satellites of every running job
 * ({@code /health}: coordinator, reducer, collectors, mappers) whether they are there; a satellite silent for {@link GatewayLimits#silence} fails
 * its jobs, naming it (a killed, paused or out-of-memory plane); a job with no outcome past its deadline
 * plus {@link GatewayLimits#grace} fails too (a coordinator that lost it). A job that re-plans
 * ({@code on_failure: replan}) is not failed for a silent satellite other than its coordinator: its coordinator
 * is told instead, once, and moves that satellite's work (the emulator's news of a lost satellite, as the
 * simulator's coordinators hear of a crash). A re-planned job's watch follows its work: the spare that takes over
 * is watched from then on ({@link #replanned}).
 *
 * <p>It also watches every satellite of the constellation, working for a job or not (a relay on a job's path): the
 * set of those silent for {@link GatewayLimits#silence} (having answered once since the gateway started: one still
 * starting is not reported) goes to every plane whenever it changes (and every {@link #RESEND_TICKS} seconds, for a
 * plane that missed it or came back), so that the planes' routers go round
 * a killed or paused plane as they go round an injected fault; one that answers again leaves the set.
 * Per-job state lives here from acceptance until the job ends, and no longer.
 */
final class Watchdog implements AutoCloseable {

    /** Ends a job as failed, once (the gateway ignores a second outcome of the same job). */
    @FunctionalInterface
    interface Failure {
        void fail(String jobId, long acceptedMs, String reason);
    }

    /** Tells a re-planning job's coordinator that a satellite of the job is lost. */
    @FunctionalInterface
    interface News {
        void lost(SatId coordinator, SatId lost, String reason);
    }

    /** Tells every plane which satellites answer no health check now (all of them: the last report holds). */
    @FunctionalInterface
    interface Silence {
        /** @param asOfMs when the set was drawn up (Unix ms): a plane keeps the newest it got, whatever the order */
        void unanswering(Set<SatId> silent, long asOfMs);
    }

    /**
     * A job in progress: when it was accepted, its deadline (Unix ms), the satellites it needs, whether it re-plans,
     * its input data (bytes).
     */
    record Job(String jobId, SatId coordinator, long acceptedMs, long deadlineMs, double timeoutS, Set<SatId> satellites,
               boolean replans, long dataBytes) {
        Job {
            satellites = Set.copyOf(satellites);
        }

        Job withSatellites(Set<SatId> sats) {
            return new Job(jobId, coordinator, acceptedMs, deadlineMs, timeoutS, sats, replans, dataBytes);
        }
    }

    /** What the last health checks of one satellite said. */
    private static final class Health {
        volatile boolean inFlight;
        /** When the first health check unanswered since the last answer was sent (-1: the last one was answered). */
        volatile long silentSinceMs = -1;
        volatile String lastError = "";
        /** When the last check was sent (Unix ms). */
        volatile long lastSentMs;
        /** Whether it answered once since the gateway started (one never heard, still starting, is not reported). */
        volatile boolean answered;
    }

    private static final long PERIOD_MS = 1_000;
    /** The report goes again every this many ticks, changed or not (a plane may have missed it, or restarted). */
    static final int RESEND_TICKS = 10;
    /**
     * Satellites of the constellation that work for no job, checked per tick at most (the rest on later ticks): each
     * check costs a plane and the gateway ~1 ms of CPU, and 256 a second took a fifth of a 2-core machine running
     * 100×100 (relays that fall silent are also learned from failed hops, at once).
     */
    static final int SWEEP = 64;
    /** Where the sweep of the constellation goes on next tick (only the timer thread touches it). */
    private int sweepAt;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<SatId, Health> health = new ConcurrentHashMap<>();
    private final SatelliteAddresses addresses;
    private final HttpClient client;
    private final GatewayLimits limits;
    private final Failure failure;
    private final News news;
    private final Runnable housekeeping;
    private final List<SatId> constellation;
    private final Silence silence;
    /** What the planes were last told is silent, and ticks since. */
    private Set<SatId> reported = Set.of();
    private int ticksSinceReport;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param constellation every satellite there is (an empty slot of a TLE shell left out): each is watched
     * @param silence       hears the satellites silent now, when that changes
     * @param housekeeping  also run every second (the store writes outcomes the disk did not take)
     */
    Watchdog(SatelliteAddresses addresses, HttpClient client, GatewayLimits limits, List<SatId> constellation, Failure failure,
             News news, Silence silence, Runnable housekeeping) {
        this.constellation = List.copyOf(constellation);
        this.silence = silence;
        this.news = news;
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
     * is admitted whatever its size when none runs: the gateway refused it before if it passes the budget alone).
     */
    synchronized Full admit(String jobId, SatId coordinator, double timeoutS, boolean replans, long dataBytes) {
        if (jobs.size() >= limits.maxJobs()) {
            return Full.JOBS;
        }
        if (!jobs.isEmpty() && dataInProgress() + dataBytes > limits.maxDataBytes()) {
            return Full.DATA;
        }
        long now = System.currentTimeMillis();
        jobs.put(jobId, new Job(jobId, coordinator, now, now + Math.round(timeoutS * 1000), timeoutS, Set.of(coordinator),
                replans, dataBytes));
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
            return j.withSatellites(all);
        });
    }

    /**
     * The job's coordinator moved work from {@code from} to {@code to} (its news of a re-plan): {@code to} is watched
     * for the job from now on, {@code from} no more (it is lost to the job already).
     */
    void replanned(String jobId, SatId from, SatId to) {
        jobs.computeIfPresent(jobId, (id, j) -> {
            Set<SatId> all = new HashSet<>(j.satellites());
            if (!from.equals(j.coordinator())) {
                all.remove(from);
            }
            all.add(to);
            return j.withSatellites(all);
        });
    }

    /** The satellites of the job watched now (for tests), or an empty set when it is not running. */
    Set<SatId> watching(String jobId) {
        Job j = jobs.get(jobId);
        return j == null ? Set.of() : j.satellites();
    }

    /** The satellites the planes were last told answer no health check. */
    synchronized Set<SatId> unanswering() {
        return reported;
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
                    if (h != null && isSilent(h, now, j.acceptedMs())) {
                        silent = s;
                        break;
                    }
                }
                if (silent != null) {
                    Health h = health.get(silent);
                    String why = String.format(Locale.ROOT, "stopped answering: no health check answered for %.1f s (%s)",
                            (now - Math.max(h.silentSinceMs, j.acceptedMs())) / 1000.0, h.lastError);
                    if (j.replans() && !silent.equals(j.coordinator())) {
                        // the coordinator moves its work; the satellite is watched no more for this job
                        Set<SatId> rest = new HashSet<>(j.satellites());
                        rest.remove(silent);
                        jobs.computeIfPresent(j.jobId(), (id, old) -> old.withSatellites(rest));
                        news.lost(j.coordinator(), silent, why);
                        watched.addAll(rest);
                        continue;
                    }
                    end(j, "satellite " + silent + " of the job " + why);
                    continue;
                }
                watched.addAll(j.satellites());
            }
            health.keySet().retainAll(presentOrWatched(watched));
            for (SatId s : watched) {
                probe(s, health.computeIfAbsent(s, k -> new Health()));
            }
            // the rest of the constellation, SWEEP a tick at most: an 11 x 11 shell every 2 s, a larger shell's every
            // ceil(N / SWEEP) s (its silences found that much later)
            int n = constellation.size();
            for (int i = 0; i < Math.min(SWEEP, n); i++) {
                SatId s = constellation.get(sweepAt);
                sweepAt = (sweepAt + 1) % n;
                if (!watched.contains(s)) {
                    probe(s, health.computeIfAbsent(s, k -> new Health()));
                }
            }
            report(now);
        } catch (RuntimeException e) {
            // the next tick tries again
        }
    }

    private Set<SatId> presentOrWatched(Set<SatId> watched) {
        Set<SatId> keep = new HashSet<>(constellation);
        keep.addAll(watched);
        return keep;
    }

    /** Tells the planes which satellites are silent, when that changed (or again, now and then, while any is). */
    private void report(long now) {
        Set<SatId> silent = new HashSet<>();
        health.forEach((s, h) -> {
            if (h.answered && isSilent(h, now, 0)) {
                silent.add(s);
            }
        });
        boolean tell;
        synchronized (this) {
            ticksSinceReport++;
            tell = !silent.equals(reported) || ticksSinceReport >= RESEND_TICKS;
            if (tell) {
                reported = Set.copyOf(silent);
                ticksSinceReport = 0;
            }
        }
        if (tell) {
            silence.unanswering(Set.copyOf(silent), now);
        }
    }

    /**
     * Whether {@code h} has been silent for the whole {@link GatewayLimits#silence}, counted from {@code fromMs} at the
     * earliest: a job counts only silence since it was accepted (the constellation-wide watch may have seen a plane
     * still starting, before the job).
     */
    private boolean isSilent(Health h, long now, long fromMs) {
        long since = h.silentSinceMs;
        return since >= 0 && now - Math.max(since, fromMs) >= limits.silence().toMillis();
    }

    private void end(Job j, String reason) {
        if (jobs.remove(j.jobId()) != null) {
            failure.fail(j.jobId(), j.acceptedMs(), reason);
        }
    }

    /** How often one satellite is checked (ms): every second, or five times a silence when that is longer. */
    private long interval() {
        return Math.max(PERIOD_MS, limits.silence().toMillis() / 5);
    }

    private void probe(SatId s, Health h) {
        long sent = System.currentTimeMillis();
        if (h.inFlight || sent - h.lastSentMs < interval() - PERIOD_MS / 2) {
            return;
        }
        h.inFlight = true;
        h.lastSentMs = sent;
        // A late answer is an answer: a plane starved of CPU by a large job (100 collectors on 100 planes sharing 2
        // cores) may take seconds to answer, and is not gone. Only a whole silence without one is silence: a killed
        // plane refuses at once, a paused one holds the probe until this timeout.
        client.sendAsync(HttpRequest.newBuilder(addresses.uri(s, "/health")).timeout(limits.silence()).GET().build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e == null && answers(r)) {
                        h.answered = true;
                        h.silentSinceMs = -1;
                    } else {
                        if (h.silentSinceMs < 0) {
                            h.silentSinceMs = sent;
                        }
                        Throwable c = e != null && e.getCause() != null ? e.getCause() : e;
                        h.lastError = c != null ? c.getClass().getSimpleName() : "HTTP " + r.statusCode();
                    }
                    h.inFlight = false;
                });
    }

    /**
     * Whether a health check's answer says the satellite is there: 200, or a busy plane's 503 with {@code Retry-After}
     * (its server full of work; a satellite down by an injected fault answers 503 without it).
     */
    static boolean answers(HttpResponse<?> r) {
        return r.statusCode() == 200 || r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
