package io.spacecomp.emulator.plane;

import io.spacecomp.emulator.fault.InjectedFaults;
import io.spacecomp.wire.IslCodec;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.link.LinkBudget;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.Message;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.protocol.Transport;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.UnroutableException;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The wall-clock ISL mesh seen from one plane: messages travel hop by hop over HTTP, each satellite
 * posting only to a torus neighbour along the source route the router gave at the sender. A hop is
 * retried a bounded number of times (receivers drop repeats); when it fails for good the message comes
 * back to its sender as {@code undeliverable}, which fails the job with a reason naming the satellite.
 * Optionally each hop is held for its physical time (propagation + serialisation at the link's length
 * now), on a timer, never by blocking a thread.
 *
 * <p>Back-pressure: a neighbour over its {@link Budget} answers 503 {@code {error, retry_after_s}}. The envelope
 * then steps aside (the link's next envelope goes, so a job the neighbour has taken is never stuck behind one it
 * has not) and is tried again after the time asked, doubling up to {@link #MAX_BUSY_WAIT_S} while the answer stays
 * busy, until the job's deadline: a busy neighbour is neither a failed try nor a dead peer. Until it has left, an
 * envelope counts against its satellite's outgoing bytes, on which collectors pause.
 */
final class HttpIsl implements Transport {

    /** The longest wait between two tries of a hop a neighbour answered busy (s). */
    static final double MAX_BUSY_WAIT_S = 4.0;
    /** Wait when a busy answer names none (s). */
    private static final double DEFAULT_BUSY_WAIT_S = 0.5;

    private final PlaneConfig config;
    private final ConstellationGeometry geometry;
    private final Router router;
    private final Function<SatId, Satellite> locals;
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    private final TraceSink trace;
    private final InjectedFaults faults;
    /** Envelopes a neighbour answered busy, by {@link Envelope#dedupeKey()}: how many times in a row. */
    private final Map<String, Integer> busyAnswers = new ConcurrentHashMap<>();

    /** @param faults what is down by injection: a hop over a down link, or from or to a down satellite, fails */
    HttpIsl(PlaneConfig config, ConstellationGeometry geometry, Router router, Function<SatId, Satellite> locals,
            ScheduledExecutorService timer, HttpClient client, InjectedFaults faults) {
        this.faults = faults;
        this.config = config;
        this.geometry = geometry;
        this.router = router;
        this.locals = locals;
        this.timer = timer;
        this.client = client;
        this.trace = config.trace();
    }

    private double nowS() {
        return WallClock.secondsSince(config.epochMs());
    }

    @Override
    public void send(SatId from, SatId to, Message message) {
        Satellite origin = locals.apply(from);
        long id = origin.nextMessageId();
        if (from.equals(to)) {
            long bytes = MessageSize.of(message);
            emit("message_sent", id, message.jobId(), message.action(), from, to, bytes, null);
            origin.execute(() -> {
                emit("delivered", id, message.jobId(), message.action(), from, to, bytes, null);
                origin.node().receive(from, message);
            });
            return;
        }
        route(origin, id, to, message, 1);
    }

    /** What the satellite's {@link Admission.Ledger} lets it still have waiting to leave. */
    @Override
    public long collectAllowance(SatId from) {
        return locals.apply(from).ledger().outAllowance();
    }

    /**
     * Routes a message from its sender; while injected faults make it unroutable, tries again as a hop would
     * (the simulator's network does the same), then reports it undeliverable.
     */
    private void route(Satellite origin, long id, SatId to, Message message, int attempt) {
        Path path;
        try {
            path = router.route(origin.id(), to, nowS());
        } catch (UnroutableException e) {
            if (faults.anyDown() && attempt < config.hopAttempts()) {
                timer.schedule(() -> route(origin, id, to, message, attempt + 1), RETRY_MS * attempt, TimeUnit.MILLISECONDS);
                return;
            }
            String why = faults.whyDown(to);
            String reason = !faults.anyDown() ? e.getMessage()
                    : e.getMessage() + (why == null ? "" : " (" + why + ")") + " (" + attempt + " attempts)";
            emit("message_sent", id, message.jobId(), message.action(), origin.id(), to, MessageSize.of(message), null);
            origin.execute(() -> origin.node().undeliverable(to, message, reason));
            return;
        }
        Envelope e = new Envelope(id, Envelope.MESSAGE, path.satellites(), 1, message.jobId(), message.action(),
                message.meta().deadlineS(), IslCodec.encode(message), null, null);
        // The bytes the hops carry, as "delivered" says too (not MessageSize's estimate: walking a batch's records
        // for it cost 3 % of a plane's CPU, measured).
        emit("message_sent", id, message.jobId(), message.action(), origin.id(), to, e.bytes(), null);
        forward(origin, e);
    }

    /** The pause before try {@code k + 1} of a hop is {@code k} times this (ms). */
    private static final long RETRY_MS = 100;

    /** An envelope reached {@code here} (its {@code path[hop]}): deliver it, or pass it on. */
    void arrived(Satellite here, Envelope e) {
        if (!e.arrived()) {
            forward(here, e.atHop(e.hop() + 1));
            return;
        }
        Message m;
        try {
            m = IslCodec.decode(e.message());
        } catch (IllegalArgumentException bad) {
            emit("node_error", e.id(), e.jobId(), e.action(), e.source(), here.id(), e.bytes(), "malformed message dropped: " + bad.getMessage());
            return;
        }
        if (e.kind().equals(Envelope.MESSAGE)) {
            emit("delivered", e.id(), m.jobId(), m.action(), e.source(), here.id(), e.bytes(), null);
            here.node().receive(e.source(), m);
        } else {
            here.node().undeliverable(e.unreachable(), m, e.reason());
        }
    }

    /** Takes {@code e} from {@code here} over the link to {@code e.to()}. */
    private void forward(Satellite here, Envelope e) {
        here.ledger().out(e.message().length); // until it has left for good: see left()
        SatId next = e.to();
        if (!geometry.isUp(next)) {
            enqueue(here, e); // an empty slot has no position: the hop fails as to any dead peer (nothing listens there)
            return;
        }
        double lengthKm = geometry.linkLengthKm(here.id(), next, nowS());
        if (trace.enabled()) {
            trace.emit(new TraceEvent(nowS(), "hop", e.jobId(), e.id(), e.action(),
                    TraceSink.sat(here.id()), TraceSink.sat(next), null, e.bytes(), String.format(Locale.ROOT, "%.3f km", lengthKm)));
        }
        if (config.physicalDelay()) {
            double holdS = LinkBudget.propagationDelayS(lengthKm) + e.bytes() * 8.0 / config.linkRate().bitsPerS(lengthKm);
            timer.schedule(() -> enqueue(here, e), Math.round(holdS * 1e9), TimeUnit.NANOSECONDS);
        } else {
            enqueue(here, e);
        }
    }

    private void enqueue(Satellite here, Envelope e) {
        Link link = here.link(e.to());
        Envelope now = link.add(e);
        if (now != null) {
            post(here, link, now, 1);
        }
    }

    /** The envelope left {@code link} for good (delivered or given up): the next one may go. */
    private void release(Satellite here, Link link) {
        Envelope next = link.done();
        if (next != null) {
            post(here, link, next, 1);
        }
    }

    private void post(Satellite here, Link link, Envelope e, int attempt) {
        SatId next = e.to();
        if (!faults.carries(here.id(), next)) {
            // an injected fault: the hop fails as it would to a dead peer, try after try
            failed(here, link, e, attempt, "down (an injected fault)");
            return;
        }
        HttpRequest request = config.key().sign(e.addHeaders(HttpRequest.newBuilder(config.addresses().uri(next, "/isl"))))
                .timeout(config.hopTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(e.message()))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                left(here, e);
                release(here, link);
                return;
            }
            if (error == null && isBusy(response)) {
                release(here, link); // the next envelope goes meanwhile
                busy(here, e, response);
                return;
            }
            if (error == null && response.statusCode() / 100 == 4) {
                left(here, e);
                release(here, link);
                lost(here, e, "refused the hop from " + here.id() + " (HTTP " + response.statusCode() + ": " + response.body() + ")");
                return;
            }
            failed(here, link, e, attempt, error != null ? describe(error) : "HTTP " + response.statusCode());
        });
    }

    /** Try {@code attempt} of the hop of {@code e} failed ({@code why}): the next try, or the message comes back. */
    private void failed(Satellite here, Link link, Envelope e, int attempt, String why) {
        if (attempt < config.hopAttempts()) {
            // The retry keeps the link's slot: the order of the link's traffic is kept.
            timer.schedule(() -> post(here, link, e, attempt + 1), RETRY_MS * attempt, TimeUnit.MILLISECONDS);
            return;
        }
        String reason = "no answer on the ISL " + here.id() + " -> " + e.to() + " after " + attempt + " attempts (" + why + ")";
        List<Envelope> behind = link.takeWaiting();
        release(here, link);
        if (faults.carries(here.id(), e.to())) {
            faults.hopFailed(e.to()); // a real failure: this plane's routers learn it at once, the watchdog's news follows
        }
        for (Envelope x : prepend(e, behind)) {
            left(here, x); // a detour takes it on again from here
            if (!reroute(here, x, reason)) {
                lost(here, x, reason);
            }
        }
    }

    private static List<Envelope> prepend(Envelope first, List<Envelope> rest) {
        List<Envelope> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /**
     * The hop from {@code here} to a relay of {@code e} failed for good: when the routers, which now see that relay
     * down, find another way to the destination, the envelope takes it from here (its path so far kept, so a notice
     * can still come back along it). False when the failed satellite is the destination, or no way avoids it.
     */
    private boolean reroute(Satellite here, Envelope e, String reason) {
        SatId dead = e.to();
        SatId destination = e.path().get(e.path().size() - 1);
        if (dead.equals(destination) || here.down()) {
            return false;
        }
        Path detour;
        try {
            detour = router.route(here.id(), destination, nowS());
        } catch (UnroutableException none) {
            return false;
        }
        List<SatId> way = detour.satellites();
        List<SatId> path = new ArrayList<>(e.path().subList(0, e.hop()));
        path.addAll(way.subList(1, way.size()));
        if (way.contains(dead) || path.size() > config.shell().torus().size() + 1) {
            return false;
        }
        emit("rerouted", e.id(), e.jobId(), e.action(), here.id(), destination, e.bytes(), reason + "; now via " + way.get(1));
        forward(here, new Envelope(e.id(), e.kind(), path, e.hop(), e.jobId(), e.action(), e.deadlineS(), e.message(),
                e.unreachable(), e.reason()));
        return true;
    }

    /** {@code e} left {@code here} for good (delivered, refused or given up): it no longer counts against it. */
    private void left(Satellite here, Envelope e) {
        here.ledger().out(-e.message().length);
        busyAnswers.remove(e.dedupeKey());
    }

    /**
     * The neighbour answered busy: {@code e} is tried again after the time it asked for (doubled for each busy answer in
     * a row, at most {@link #MAX_BUSY_WAIT_S}), or given up when that would pass the job's deadline.
     */
    private void busy(Satellite here, Envelope e, HttpResponse<String> response) {
        int times = busyAnswers.merge(e.dedupeKey(), 1, Integer::sum);
        double askedS = retryAfterS(response.body());
        double waitS = Math.min(MAX_BUSY_WAIT_S, askedS * (1L << Math.min(times - 1, 4)));
        waitS *= 1.0 + (e.id() & 15) / 32.0; // spread the tries of envelopes refused together
        if (nowS() + waitS >= e.deadlineS()) {
            left(here, e);
            lost(here, e, "the ISL " + here.id() + " -> " + e.to() + " stayed busy until the job's deadline (" + times
                    + " busy answers; the last: " + brief(response.body()) + ")");
            return;
        }
        timer.schedule(() -> enqueue(here, e), Math.round(waitS * 1e6), TimeUnit.MICROSECONDS);
    }

    /**
     * Whether a neighbour answered "busy, retry after": a 503 with a {@code Retry-After} header, as every busy answer
     * of a satellite port has (its admission budget, a capped connection, a full plane). A 503 without it (a satellite
     * down by an injected fault) is a failed try, as a dead peer's silence is.
     */
    static boolean isBusy(HttpResponse<String> response) {
        return response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent();
    }

    /** The {@code retry_after_s} of a busy answer's JSON body, or {@link #DEFAULT_BUSY_WAIT_S}. */
    static double retryAfterS(String body) {
        try {
            double s = Wire.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("retry_after_s").asDouble(DEFAULT_BUSY_WAIT_S);
            return s > 0 && s <= 60 ? s : DEFAULT_BUSY_WAIT_S;
        } catch (RuntimeException notJson) {
            return DEFAULT_BUSY_WAIT_S;
        }
    }

    private static String brief(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static String describe(Throwable t) {
        Throwable c = t.getCause() != null ? t.getCause() : t;
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /**
     * The hop from {@code here} failed for good: the message goes back to its sender, which fails the job or moves
     * the work. As in the simulator, the notice names the message's destination (the reason names the hop).
     */
    private void lost(Satellite here, Envelope e, String reason) {
        SatId unreachable = e.path().get(e.path().size() - 1);
        emit("undeliverable", e.id(), e.jobId(), e.action(), here.id(), unreachable, e.bytes(), reason);
        if (!e.kind().equals(Envelope.MESSAGE)) {
            return; // a failure notice that cannot get through: the coordinator's deadline ends the job
        }
        if (here.id().equals(e.source())) {
            if (here.down()) {
                return; // a sender that is down itself hears nothing back (as in the simulator)
            }
            Message m = IslCodec.decode(e.message());
            here.execute(() -> here.node().undeliverable(unreachable, m, reason));
            return;
        }
        List<SatId> back = new ArrayList<>(e.path().subList(0, e.hop()));
        Collections.reverse(back);
        forward(here, new Envelope(here.nextMessageId(), Envelope.UNDELIVERABLE, back, 1, e.jobId(), e.action(), e.deadlineS(),
                e.message(), unreachable, reason));
    }

    private void emit(String type, long id, String job, String action, SatId from, SatId to, long bytes, String detail) {
        if (trace.enabled()) {
            trace.emit(new TraceEvent(nowS(), type, job, id, action, TraceSink.sat(from), TraceSink.sat(to), null, bytes, detail));
        }
    }
}
