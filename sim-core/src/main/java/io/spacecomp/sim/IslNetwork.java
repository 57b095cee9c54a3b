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
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;
import umontreal.ssj.rng.RandomStream;

import java.util.List;
import java.util.function.Function;

/**
 * The virtual-time ISL network: a message follows the router's path, one event per hop. Each directed
 * link is a FIFO server: a hop waits for the link, holds it for serialisation (bytes / rate at the
 * link's length at that moment), then propagates (length / c) and pays the per-hop overhead. An optional
 * seeded random extra delay per hop reorders deliveries, to test the protocol's independence from order.
 * It counts visits per satellite and bytes per directed link.
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
    private final boolean[] down;
    private Function<SatId, SatelliteNode> nodes;
    private long nextMessageId;

    /**
     * @param jitter     stream for the random extra delay, or null for none
     * @param maxJitterS extra delay per hop, uniform in [0, maxJitterS) (s)
     */
    public IslNetwork(Clock clock, ConstellationGeometry geometry, Router router, LinkRate rate, double perHopOverheadS,
                      RandomStream jitter, double maxJitterS, TraceSink trace) {
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
        this.down = new boolean[n];
    }

    /** Where delivered messages go. */
    public void attach(Function<SatId, SatelliteNode> nodes) {
        this.nodes = nodes;
    }

    /** Takes a satellite out of (or back into) service: hops to it fail. */
    public void setDown(SatId sat, boolean isDown) {
        down[index(sat)] = isDown;
    }

    public boolean isDown(SatId sat) {
        return down[index(sat)];
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
        Path path;
        try {
            path = router.route(from, to, clock.nowS());
        } catch (UnroutableException ex) {
            clock.schedule(0.0, () -> fail(e, to, ex.getMessage()));
            return;
        }
        forward(e, path.hops(), 0);
    }

    /** The message is at the start of hop {@code k}, now. */
    private void forward(Envelope e, List<Hop> hops, int k) {
        Hop hop = hops.get(k);
        SatId a = hop.from();
        SatId b = hop.to();
        if (down[index(b)]) {
            emit("undeliverable", e, a, b);
            fail(e, b, "no answer on the ISL " + a + " -> " + b);
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
        double arrival = start + serialS + LinkBudget.propagationDelayS(lengthKm) + perHopOverheadS + extra;
        if (trace.enabled()) {
            trace.emit(new TraceEvent(now, "hop", e.message().jobId(), e.id(), e.message().action(), TraceSink.sat(a),
                    TraceSink.sat(b), null, e.bytes(), String.format(java.util.Locale.ROOT, "%.3f km", lengthKm)));
        }
        clock.schedule(arrival - now, () -> {
            visits[index(b)]++;
            if (k + 1 == hops.size()) {
                deliver(e);
            } else {
                forward(e, hops, k + 1);
            }
        });
    }

    private void deliver(Envelope e) {
        if (down[index(e.to())]) {
            fail(e, e.to(), "satellite down");
            return;
        }
        emit("delivered", e, e.from(), e.to());
        nodes.apply(e.to()).receive(e.from(), e.message());
    }

    private void fail(Envelope e, SatId unreachable, String reason) {
        if (!down[index(e.from())]) {
            nodes.apply(e.from()).undeliverable(unreachable, e.message(), reason);
        }
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
