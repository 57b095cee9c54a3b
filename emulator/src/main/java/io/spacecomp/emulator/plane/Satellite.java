package io.spacecomp.emulator.plane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.spacecomp.emulator.fault.InjectedFaults;
import io.spacecomp.emulator.fault.LiveFault;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.SatelliteNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One satellite of a live plane: its own HTTP endpoint (its own port), its own protocol state
 * ({@link SatelliteNode}), and its own serial executor, so it works on one message at a time.
 * Endpoints: {@code POST /isl} (an envelope from a torus neighbour), {@code POST /uplink} (a job from the
 * gateway, answered with the plan), {@code GET /health}. A hop past the satellite's {@link Budget} is answered
 * 503 {@code {error, retry_after_s}} (its sender tries again), see {@link Admission}.
 */
final class Satellite {

    /** Largest envelope or uplink body accepted (bytes). */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final int REMEMBERED_HOPS = 100_000;
    /** How long a hop is remembered to drop its repeats (ms): far beyond a hop's retries (3 × 5 s). */
    static final long HOP_MEMORY_MS = 60_000;
    private static final long UPLINK_TIMEOUT_S = 60;

    private final SatId id;
    private final IslKey key;
    private final SerialExecutor serial;
    private final Torus torus;
    private final AtomicLong nextMessage;
    private final long nextMessageBase;
    private final AtomicLong visits = new AtomicLong();
    /** Hops taken on (dedupe key → when, ms), oldest first: a retry comes within seconds, so a minute is remembered. */
    private Map<String, Long> seenHops = hopMemory();
    /** The most hops remembered at once since the map was made (a hash table never shrinks: it is made anew). */
    private int seenHopsPeak;

    private static Map<String, Long> hopMemory() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > REMEMBERED_HOPS;
            }
        };
    }
    private final Map<SatId, Link> links = new ConcurrentHashMap<>();
    private final InjectedFaults faults;
    private final Function<LiveFault, ObjectNode> onFault;
    /** Replaced by a new, empty node when the satellite crashes (an injected crash). */
    private volatile SatelliteNode node;
    private Supplier<SatelliteNode> newNode;
    private HttpIsl isl;
    private Downlink downlink;
    private final Admission.Ledger ledger;

    /**
     * @param faults  what the plane knows is down by injection: a satellite down drops ISL traffic and does not
     *                answer its health checks or uplinks
     * @param onFault applies a fault the gateway injects to the whole plane; returns the answer
     */
    Satellite(SatId id, Torus torus, SerialExecutor serial, IslKey key, Admission admission, InjectedFaults faults,
              Function<LiveFault, ObjectNode> onFault) {
        this.id = id;
        this.ledger = admission.ledger("satellite " + id);
        this.key = key;
        this.faults = faults;
        this.onFault = onFault;
        this.torus = torus;
        this.serial = serial;
        // Ids: the node number in the top bits, a counter seeded from the wall clock (µs) below, so a restarted
        // plane never reuses the ids its receivers still remember.
        this.nextMessage = new AtomicLong(System.currentTimeMillis() * 1000L);
        this.nextMessageBase = (long) id.node(torus.satsPerPlane()) << 43;
    }

    /** @param newNode makes this satellite's protocol state: at start, and anew (empty) after a crash */
    void attach(Supplier<SatelliteNode> newNode, HttpIsl isl, Downlink downlink) {
        this.newNode = newNode;
        this.node = newNode.get();
        this.isl = isl;
        this.downlink = downlink;
        serial.afterEach(() -> ledger.afterTask(node.load()));
    }

    /** What this satellite holds against its budget. */
    Admission.Ledger ledger() {
        return ledger;
    }

    /**
     * An injected crash: the protocol state and every job it held are lost, and the satellite serves on as a new,
     * empty node (when the outage ends it answers again), as the simulator's crashed satellites. Jobs it
     * coordinated end failed, naming the crash. Runs after the work already queued here.
     */
    void crash() {
        serial.execute(() -> {
            SatelliteNode old = node;
            node = newNode.get();
            for (io.spacecomp.protocol.JobOutcome lost : old.crash()) {
                downlink.jobFinished(lost);
            }
        });
    }

    /** Whether an injected fault holds this satellite down now. */
    boolean down() {
        return !faults.injectedUp(id);
    }

    private void refuseWhenDown() {
        if (down()) {
            throw new Http.Refusal(503, null, "satellite " + id + " is down (an injected fault)");
        }
    }

    SatId id() {
        return id;
    }

    SatelliteNode node() {
        return node;
    }

    long visits() {
        return visits.get();
    }

    long nextMessageId() {
        return nextMessageBase | (nextMessage.incrementAndGet() & ((1L << 43) - 1));
    }

    /** Forgets hops taken on more than {@link #HOP_MEMORY_MS} ago (the plane's timer calls it): memory stays flat. */
    void forgetOldHops() {
        long cutoff = System.currentTimeMillis() - HOP_MEMORY_MS;
        synchronized (this) {
            Iterator<Map.Entry<String, Long>> it = seenHops.entrySet().iterator();
            while (it.hasNext() && it.next().getValue() < cutoff) {
                it.remove();
            }
            if (seenHopsPeak > 4096 && seenHops.size() < seenHopsPeak / 4) {
                Map<String, Long> fresh = hopMemory();
                fresh.putAll(seenHops); // oldest first, as before
                seenHops = fresh;
                seenHopsPeak = fresh.size();
            }
        }
    }

    /** The outgoing ISL to neighbour {@code next}. */
    Link link(SatId next) {
        return links.computeIfAbsent(next, k -> new Link());
    }

    /** Runs on this satellite's own executor, after the work queued before it. */
    void execute(Runnable work) {
        serial.execute(work);
    }

    /** This satellite's endpoints, by path (its plane serves them on the satellite's port). */
    Map<String, HttpHandler> endpoints() {
        return Map.of("/isl", Http.handler("POST", this::onIsl), "/uplink", Http.handler("POST", this::onUplink),
                "/health", Http.handler("GET", this::onHealth), "/lost", Http.handler("POST", this::onLost),
                "/fault", Http.handler("POST", this::onFault), "/unanswering", Http.handler("POST", this::onUnanswering));
    }

    private void onIsl(HttpExchange exchange) throws IOException {
        key.check(exchange.getRequestHeaders());
        refuseWhenDown(); // a down satellite answers no hop: its sender retries, then gives up, as with a dead peer
        Envelope e = Envelope.read(exchange.getRequestHeaders(), Http.body(exchange, MAX_BODY_BYTES), id, torus);
        SatId previous = e.path().get(e.hop() - 1);
        if (!faults.carries(previous, id)) {
            throw new Http.Refusal(503, null, "the ISL " + previous + " -> " + id + " is down (an injected fault)");
        }
        boolean first;
        Admission.Decision taken = null;
        synchronized (this) {
            first = !seenHops.containsKey(e.dedupeKey());
            if (first) {
                taken = ledger.take(e.message().length, e.jobId(),
                        e.arrived() && e.kind().equals(Envelope.MESSAGE) ? Admission.Work.of(e.action()) : Admission.Work.NONE);
                if (taken instanceof Admission.Ticket) {
                    seenHops.put(e.dedupeKey(), System.currentTimeMillis());
                    seenHopsPeak = Math.max(seenHopsPeak, seenHops.size());
                }
            }
        }
        if (taken instanceof Admission.Refusal no) {
            ObjectNode retry = Wire.object();
            retry.put("retry_after_s", no.reason().retryAfterS);
            exchange.getResponseHeaders().set("Retry-After", Long.toString((long) Math.ceil(no.reason().retryAfterS)));
            throw new Http.Refusal(503, null, no.message(), retry);
        }
        if (taken instanceof Admission.Ticket ticket) {
            // Taken on before the answer: a sender that misses the answer retries, and the retry is a duplicate.
            visits.incrementAndGet();
            serial.execute(() -> {
                try {
                    isl.arrived(this, e);
                } finally {
                    ledger.handled(ticket);
                }
            });
        }
        ObjectNode answer = Wire.object();
        answer.put("status", first ? "OK" : "duplicate");
        Http.json(exchange, first ? 202 : 200, answer);
    }

    private void onUplink(HttpExchange exchange) throws Exception {
        key.check(exchange.getRequestHeaders());
        refuseWhenDown();
        JsonNode body = Http.jsonBody(exchange, MAX_BODY_BYTES);
        JobSpec spec = Wire.spec(body);
        CompletableFuture<ObjectNode> answer = downlink.expect(spec.jobId());
        serial.execute(() -> node.submit(spec));
        ObjectNode result;
        try {
            result = answer.get(UPLINK_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            downlink.forget(spec.jobId());
            throw new Http.Refusal(504, null, "coordinator " + id + " did not plan job " + spec.jobId() + " within "
                    + UPLINK_TIMEOUT_S + " s");
        }
        Http.json(exchange, result.has("error") ? 400 : 200, result);
    }

    /**
     * {@code POST /lost} {@code {satellite, reason}} from the gateway's watchdog: a satellite stopped answering.
     * Each job this satellite coordinates and that satellite works for re-plans (or fails, naming it).
     */
    private void onLost(HttpExchange exchange) throws IOException {
        key.check(exchange.getRequestHeaders());
        JsonNode body = Http.jsonBody(exchange, 64 * 1024);
        SatId lost = Wire.sat(body.get("satellite"), "satellite");
        if (lost.sat() > torus.satsPerPlane() || lost.orb() > torus.planes()) {
            throw new WireException("satellite", "is outside the shell: " + lost);
        }
        String reason = Wire.text(body, "reason");
        serial.execute(() -> node.satelliteLost(lost, reason));
        ObjectNode answer = Wire.object();
        answer.put("status", "OK");
        Http.json(exchange, 202, answer);
    }

    /** {@code POST /fault} from the gateway: a fault to inject into this plane (whichever satellite it reaches). */
    private void onFault(HttpExchange exchange) throws IOException {
        key.check(exchange.getRequestHeaders());
        LiveFault fault = LiveFault.parse(Http.jsonBody(exchange, 1024 * 1024), torus);
        Http.json(exchange, 200, onFault.apply(fault));
    }

    /**
     * {@code POST /unanswering} {@code {as_of_ms, satellites: [[s, o], ...]}} from the gateway's watchdog: the
     * satellites that answer none of its health checks now (all of them; the newest report holds). The whole plane's routers go round
     * them until a report leaves them out; the satellites themselves are not touched (they may be alive and cut off).
     */
    private void onUnanswering(HttpExchange exchange) throws IOException {
        key.check(exchange.getRequestHeaders());
        JsonNode body = Http.jsonBody(exchange, 1024 * 1024);
        JsonNode asOf = body.get("as_of_ms");
        if (asOf == null || !asOf.canConvertToLong() || asOf.asLong() < 0) {
            throw new WireException("as_of_ms", "must be a time in Unix ms, >= 0");
        }
        JsonNode list = body.get("satellites");
        if (list == null || !list.isArray()) {
            throw new WireException("satellites", "must be a list of [sat, orb]");
        }
        java.util.Set<SatId> silent = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SatId s = Wire.sat(list.get(i), "satellites[" + i + "]");
            if (s.sat() > torus.satsPerPlane() || s.orb() > torus.planes()) {
                throw new WireException("satellites[" + i + "]", "is outside the shell: " + s);
            }
            silent.add(s);
        }
        boolean changed = faults.unanswering(silent, asOf.asLong());
        ObjectNode answer = Wire.object();
        answer.put("status", "OK");
        answer.put("changed", changed);
        answer.set("unanswering", Wire.sats(faults.unanswering()));
        Http.json(exchange, 200, answer);
    }

    private void onHealth(HttpExchange exchange) throws IOException {
        refuseWhenDown(); // the gateway's watchdog hears a down satellite fall silent
        ObjectNode o = Wire.object();
        o.put("status", "ok");
        o.set("sat", Wire.sat(id));
        o.put("visits", visits.get());
        o.put("collect_pauses", node.collectPauses());
        ledger.describe(o);
        Http.json(exchange, 200, o);
    }
}
