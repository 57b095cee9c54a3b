package io.spacecomp.sim;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.link.LinkBudget;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.protocol.Clock;
import io.spacecomp.protocol.Message;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.protocol.SatelliteNode;
import io.spacecomp.protocol.Transport;
import io.spacecomp.routing.Hop;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.UnroutableException;
import io.spacecomp.sim.fault.FaultState;
import io.spacecomp.sim.fault.HopFaults;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;
import io.spacecomp.wire.WireCheck;
import umontreal.ssj.rng.RandomStream;

import java.util.List;
import java.util.function.Function;

/**
 * The virtual-time ISL network: a message follows the router's path, one event per hop. Each directed
 * link is a FIFO server: a hop waits for the link, holds it for serialisation (bytes / rate at the
 * link's length at that moment), then propagates (length / c) and pays the per-hop overhead. An optional
 * seeded random extra delay per hop reorders deliveries, to test the protocol's independence from order.
 * It counts visits per satellite and bytes per directed link.
 *
 * <p>Faults, with the emulator's semantics: a try of a hop into a down satellite or over a down link, or a
 * lost try, is given up after the hop timeout and tried again; after the last try the message is
 * undeliverable, and the notice travels back hop by hop along the path it came (time passing; a notice
 * that meets a down link is lost) to its sender, whose {@link SatelliteNode#undeliverable} then runs for the
 * message's destination, the reason naming the hop that failed (the emulator names that hop's far end). A
 * duplicated hop delivers a second copy one hop time later; an extra delay holds the hop longer.
 */
public final class IslNetwork implements Transport {

    private final Clock clock;
    private final ConstellationGeometry geometry;
    private final Torus torus;
    private final Router router;
    private final LinkRate rate;
    private final double perHopOverheadS;
    private final RandomStream jitter;
    private final double maxJitterS;
    private final TraceSink trace;
    private final double[] linkFreeAtS;
    private final long[] linkBytes;
    private final long[] visits;
    private final FaultState state;
    private final HopFaults faults;
    private final boolean wireCheck;
    private Function<SatId, SatelliteNode> nodes;
    private long nextMessageId;

    /**
     * @param jitter     stream for the random extra delay, or null for none
     * @param maxJitterS extra delay per hop, uniform in [0, maxJitterS) (s)
     */
    public IslNetwork(Clock clock, ConstellationGeometry geometry, Router router, LinkRate rate, double perHopOverheadS,
                      RandomStream jitter, double maxJitterS, TraceSink trace) {
        this(clock, geometry, router, rate, perHopOverheadS, jitter, maxJitterS, trace,
                HopFaults.none(new FaultState(geometry.torus())));
    }

    /**
     * @param faults the fault state (the router should see the same) and the random message faults
     */
    public IslNetwork(Clock clock, ConstellationGeometry geometry, Router router, LinkRate rate, double perHopOverheadS,
                      RandomStream jitter, double maxJitterS, TraceSink trace, HopFaults faults) {
        this(clock, geometry, router, rate, perHopOverheadS, jitter, maxJitterS, trace, faults, false);
    }

    /**
     * @param wireCheck whether every message goes through the wire codec and back before it is delivered (or
     *                  returned undeliverable): the decoded copy is what the receiver gets, and a copy that
     *                  differs from the original stops the run ({@link WireCheck})
     */
    public IslNetwork(Clock clock, ConstellationGeometry geometry, Router router, LinkRate rate, double perHopOverheadS,
                      RandomStream jitter, double maxJitterS, TraceSink trace, HopFaults faults, boolean wireCheck) {
        this.wireCheck = wireCheck;
        this.clock = clock;
        this.geometry = geometry;
        this.torus = geometry.torus();
        this.router = router;
        this.rate = rate;
        this.perHopOverheadS = perHopOverheadS;
        this.jitter = jitter;
        this.maxJitterS = maxJitterS;
        this.trace = trace;
        int n = torus.size();
        this.linkFreeAtS = new double[4 * n];
        this.linkBytes = new long[4 * n];
        this.visits = new long[n];
        this.faults = faults;
        this.state = faults.state();
    }

    /** Where delivered messages go. */
    public void attach(Function<SatId, SatelliteNode> nodes) {
        this.nodes = nodes;
    }

    /** Takes a satellite out of (or back into) service by hand, apart from any fault plan: hops to it fail. */
    public void setDown(SatId sat, boolean isDown) {
        state.takeDown(sat, isDown);
    }

    public boolean isDown(SatId sat) {
        return !state.satelliteUp(sat);
    }

    /** What is down now. */
    public FaultState faultState() {
        return state;
    }

    /** Messages (and hops) that passed through each satellite, by node index (node − 1). */
    public long[] visits() {
        return visits.clone();
    }

    /** Bytes carried by each directed link, indexed {@code (node − 1)·4 + direction.ordinal()}. */
    public long[] linkBytes() {
        return linkBytes.clone();
    }

    private record Envelope(long id, SatId from, SatId to, Message message, long bytes) {
    }

    @Override
    public void send(SatId from, SatId to, Message message) {
        Envelope e = new Envelope(++nextMessageId, from, to, message, MessageSize.of(message));
        visits[index(from)]++;
        emit("message_sent", e, from, to);
        if (from.equals(to)) {
            clock.schedule(0.0, () -> deliver(e));
            return;
        }
        route(e, 1);
    }

    /** Routes {@code e} from its sender; while faults make it unroutable, tries again as a hop would. */
    private void route(Envelope e, int attempt) {
        Path path;
        try {
            path = router.route(e.from(), e.to(), clock.nowS());
        } catch (UnroutableException ex) {
            if (!state.anyDown()) {
                clock.schedule(0.0, () -> fail(e, e.to(), ex.getMessage()));
            } else if (attempt < faults.attempts()) {
                clock.schedule(faults.timeoutS(), () -> route(e, attempt + 1));
            } else {
                String reason = ex.getMessage() + " (" + attempt + " attempts)";
                clock.schedule(faults.timeoutS(), () -> {
                    emit("undeliverable", e, e.from(), e.to());
                    fail(e, e.to(), reason);
                });
            }
            return;
        }
        forward(e, path.hops(), 0);
    }

    /** The message is at the start of hop {@code k}, now. */
    private void forward(Envelope e, List<Hop> hops, int k) {
        tryHop(e, hops, k, 1);
    }

    /** Try {@code attempt} of hop {@code k}, now. */
    private void tryHop(Envelope e, List<Hop> hops, int k, int attempt) {
        Hop hop = hops.get(k);
        SatId a = hop.from();
        SatId b = hop.to();
        if (!state.linkUp(a, hop.direction())) {
            retry(e, hops, k, attempt, "no answer on the ISL " + a + " -> " + b);
            return;
        }
        if (faults.lost()) {
            retry(e, hops, k, attempt, "every try on the ISL " + a + " -> " + b + " was lost");
            return;
        }
        double now = clock.nowS();
        double lengthKm = geometry.linkLengthKm(a, b, now);
        int link = index(a) * 4 + hop.direction().ordinal();
        double start = Math.max(now, linkFreeAtS[link]);
        double serialS = e.bytes() * 8.0 / rate.bitsPerS(lengthKm);
        linkFreeAtS[link] = start + serialS;
        linkBytes[link] += e.bytes();
        double extra = jitter == null ? 0.0 : jitter.nextDouble() * maxJitterS;
        extra += faults.extraDelayS();
        double arrival = start + serialS + LinkBudget.propagationDelayS(lengthKm) + perHopOverheadS + extra;
        if (trace.enabled()) {
            trace.emit(new TraceEvent(now, "hop", e.message().jobId(), e.id(), e.message().action(), TraceSink.sat(a),
                    TraceSink.sat(b), null, e.bytes(), String.format(java.util.Locale.ROOT, "%.3f km", lengthKm)));
        }
        clock.schedule(arrival - now, () -> arrive(e, hops, k, attempt));
        if (faults.duplicated()) {
            clock.schedule(2 * (arrival - now), () -> arrive(e, hops, k, attempt));
        }
    }

    /** Try {@code attempt} of hop {@code k} reached its far end, now. */
    private void arrive(Envelope e, List<Hop> hops, int k, int attempt) {
        SatId b = hops.get(k).to();
        if (!state.satelliteUp(b)) {
            retry(e, hops, k, attempt, "no answer on the ISL " + hops.get(k).from() + " -> " + b);
            return;
        }
        visits[index(b)]++;
        if (k + 1 == hops.size()) {
            deliver(e);
        } else {
            forward(e, hops, k + 1);
        }
    }

    /** Try {@code attempt} of hop {@code k} failed: the next try leaves after the hop timeout, or the message comes back. */
    private void retry(Envelope e, List<Hop> hops, int k, int attempt, String why) {
        if (attempt < faults.attempts()) {
            clock.schedule(faults.timeoutS(), () -> tryHop(e, hops, k, attempt + 1));
            return;
        }
        String reason = why + " after " + attempt + " attempts";
        clock.schedule(faults.timeoutS(), () -> {
            Hop hop = hops.get(k);
            if (trace.enabled()) {
                trace.emit(new TraceEvent(clock.nowS(), "undeliverable", e.message().jobId(), e.id(), e.message().action(),
                        TraceSink.sat(hop.from()), TraceSink.sat(hop.to()), null, e.bytes(), reason));
            }
            // the notice names the message's destination (the reason names the hop that failed)
            back(e, hops, k - 1, e.to(), reason);
        });
    }

    /** The undeliverable notice is at the far end of hop {@code j} (at the sender when j &lt; 0), now, on its way back. */
    private void back(Envelope e, List<Hop> hops, int j, SatId unreachable, String reason) {
        if (j < 0) {
            fail(e, unreachable, reason);
            return;
        }
        Hop hop = hops.get(j);
        if (!state.linkUp(hop.to(), hop.direction().opposite())) {
            return; // the notice cannot get through either: the coordinator's deadline ends the job
        }
        double lengthKm = geometry.linkLengthKm(hop.to(), hop.from(), clock.nowS());
        visits[index(hop.from())]++;
        clock.schedule(LinkBudget.propagationDelayS(lengthKm) + perHopOverheadS, () -> back(e, hops, j - 1, unreachable, reason));
    }

    private void deliver(Envelope e) {
        if (!state.satelliteUp(e.to())) {
            fail(e, e.to(), "satellite down");
            return;
        }
        emit("delivered", e, e.from(), e.to());
        nodes.apply(e.to()).receive(e.from(), wire(e.message()));
    }

    private void fail(Envelope e, SatId unreachable, String reason) {
        if (state.satelliteUp(e.from())) {
            nodes.apply(e.from()).undeliverable(unreachable, wire(e.message()), reason);
        }
    }

    /** The message as the receiver gets it: itself, or under the wire check its copy through the codec. */
    private Message wire(Message m) {
        return wireCheck ? WireCheck.roundTrip(m) : m;
    }

    private void emit(String type, Envelope e, SatId from, SatId to) {
        if (trace.enabled()) {
            trace.emit(new TraceEvent(clock.nowS(), type, e.message().jobId(), e.id(), e.message().action(),
                    TraceSink.sat(from), TraceSink.sat(to), null, e.bytes(), null));
        }
    }

    private int index(SatId s) {
        return s.node(torus.satsPerPlane()) - 1;
    }
}
