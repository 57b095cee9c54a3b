package io.spacecomp.emulator.fault;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.routing.LinkState;
import io.spacecomp.sim.fault.LinkId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one live plane knows is down, its routers' link state (as the simulator's routers see its fault state).
 * Two kinds of knowledge:
 * <ul>
 *   <li><b>Injected</b> faults ({@link LiveFault}): routers plan around them and the plane's satellites drop ISL
 *       traffic to and from what is down, so a hop fails as it would to a dead peer. Each outage lasts until its
 *       time is up (the plane's timer ends it) or an {@code up} ends it; overlapping outages of the same satellite
 *       or link last until the later end.</li>
 *   <li><b>Learned</b> failures, real ones (a killed or paused plane): satellites the gateway's watchdog finds
 *       silent ({@link #unanswering}, replaced whole on each of its reports, until they answer again), and
 *       neighbours a hop of this plane gave up on ({@link #hopFailed}, for {@link #HOP_LOST_MS}). Routers plan
 *       around these too; nothing drops traffic for them (the peer may be back before the news).</li>
 * </ul>
 * Reads come from every thread and take no lock: the maps are replaced whole on each change.
 */
public final class InjectedFaults implements LinkState {

    /** What the plane does when a fault starts or ends. */
    public interface Listener {
        /** {@code sat} crashed now: its state and queued work are lost (called for every satellite of the fault). */
        void crashed(SatId sat);

        /** A fault started or ended (for the trace). */
        void changed(String description, boolean start);
    }

    private final Torus torus;
    private final ScheduledExecutorService timer;
    private final Listener listener;
    /** Down satellites and links → when their outage ends (monotonic ms, {@link #nowMs}; {@link Long#MAX_VALUE}: until an up). */
    private volatile Map<SatId, Long> satellites = Map.of();
    private volatile Map<LinkId, Long> links = Map.of();
    /** Satellites the gateway's watchdog hears nothing from (its last report). */
    private volatile Set<SatId> unanswering = Set.of();
    private long unansweringAsOfMs = Long.MIN_VALUE;
    /** The two ends of a route being planned: learned failures do not count for them (only relays are steered round). */
    private final ThreadLocal<SatId[]> ends = new ThreadLocal<>();
    /** Neighbours a hop of this plane gave up on → until when routers avoid them (monotonic ms). */
    private volatile Map<SatId, Long> hopLost = Map.of();

    /** How long routers avoid a neighbour after a hop to it failed for good, unless the watchdog says so longer. */
    public static final long HOP_LOST_MS = 15_000;

    public InjectedFaults(Torus torus, ScheduledExecutorService timer, Listener listener) {
        this.torus = torus;
        this.timer = timer;
        this.listener = listener;
    }

    /** As routers see it: neither injected down nor known to be silent. */
    @Override
    public boolean satelliteUp(SatId sat) {
        return injectedUp(sat) && learnedUp(sat);
    }

    @Override
    public boolean linkUp(SatId from, Direction d) {
        SatId to = torus.neighbour(from, d);
        return carries(from, to) && learnedUp(from) && learnedUp(to);
    }

    /** Whether no injected fault holds {@code sat} down (a satellite that is: drops its traffic, answers no health check). */
    public boolean injectedUp(SatId sat) {
        Map<SatId, Long> down = satellites;
        return down.isEmpty() || !down.containsKey(sat);
    }

    private boolean learnedUp(SatId sat) {
        SatId[] exempt = ends.get();
        if (exempt != null && (sat.equals(exempt[0]) || sat.equals(exempt[1]))) {
            return true;
        }
        Set<SatId> silent = unanswering;
        if (!silent.isEmpty() && silent.contains(sat)) {
            return false;
        }
        Map<SatId, Long> lost = hopLost;
        if (lost.isEmpty()) {
            return true;
        }
        Long until = lost.get(sat);
        return until == null || until <= nowMs();
    }

    /**
     * Whether the ISL between neighbours {@code a} and {@code b} carries traffic as far as injected faults go: both
     * ends and the link are up (what the satellites enforce by dropping traffic; learned failures do not count).
     */
    public boolean carries(SatId a, SatId b) {
        Map<LinkId, Long> cut = links;
        return injectedUp(a) && injectedUp(b) && (cut.isEmpty() || !cut.containsKey(normal(a, b)));
    }

    @Override
    public boolean anyDown() {
        return !satellites.isEmpty() || !links.isEmpty() || !unanswering.isEmpty() || !hopLost.isEmpty();
    }

    /**
     * Runs {@code route} (a route from {@code from} to {@code to}) with learned failures not counting for its two
     * ends: they steer round relays only. A destination that really is dead fails at its last hop (its job is the
     * watchdog's business); news that is stale (a plane just back) then costs nothing but a detour.
     */
    public <T> T between(SatId from, SatId to, java.util.function.Supplier<T> route) {
        SatId[] before = ends.get();
        ends.set(new SatId[] {from, to});
        try {
            return route.get();
        } finally {
            if (before == null) {
                ends.remove();
            } else {
                ends.set(before);
            }
        }
    }

    /** Whether any learned failure is known now (routers then exempt each destination from them). */
    public boolean anyLearned() {
        return !unanswering.isEmpty() || !hopLost.isEmpty();
    }

    /** Why routers see {@code sat} down (for a reason that names it), or null when they see it up. */
    public String whyDown(SatId sat) {
        if (!injectedUp(sat)) {
            return "an injected fault";
        }
        if (unanswering.contains(sat)) {
            return "it answers none of the gateway's health checks";
        }
        if (!learnedUp(sat)) {
            return "a hop to it failed for good";
        }
        return null;
    }

    /**
     * The gateway's watchdog reports which satellites answer no health check now, as of {@code asOfMs} (a newer
     * report replaces the last, an older one is ignored: one that answers again is routed through again). Returns
     * whether anything changed.
     */
    public boolean unanswering(Set<SatId> silent, long asOfMs) {
        Set<SatId> now = Set.copyOf(silent);
        Set<SatId> before;
        synchronized (this) {
            if (asOfMs < unansweringAsOfMs) {
                return false; // an older report that arrived late
            }
            unansweringAsOfMs = asOfMs;
            before = unanswering;
            unanswering = now;
        }
        if (before.equals(now)) {
            return false;
        }
        for (SatId s : sorted(now)) {
            if (!before.contains(s)) {
                listener.changed("satellite " + s + " answers no health check: routed round", true);
            }
        }
        for (SatId s : sorted(before)) {
            if (!now.contains(s)) {
                listener.changed("satellite " + s + " answers health checks again: routed through", false);
            }
        }
        return true;
    }

    /** The satellites the watchdog last reported silent, in node order. */
    public List<SatId> unanswering() {
        return sorted(unanswering);
    }

    /** A hop of this plane to {@code peer} failed for good (not by an injected fault): routers avoid it a while. */
    public void hopFailed(SatId peer) {
        long now = nowMs();
        synchronized (this) {
            Map<SatId, Long> m = new HashMap<>(hopLost);
            m.values().removeIf(until -> until <= now);
            m.put(peer, now + HOP_LOST_MS);
            hopLost = Map.copyOf(m);
        }
        listener.changed("satellite " + peer + " lost by a hop: routed round for " + HOP_LOST_MS / 1000 + " s", true);
        timer.schedule(this::forgetLostHops, HOP_LOST_MS + 1, TimeUnit.MILLISECONDS);
    }

    private void forgetLostHops() {
        long now = nowMs();
        synchronized (this) {
            Map<SatId, Long> m = new HashMap<>(hopLost);
            if (m.values().removeIf(until -> until <= now)) {
                hopLost = Map.copyOf(m);
            }
        }
    }

    private List<SatId> sorted(Set<SatId> sats) {
        return sats.stream().sorted(java.util.Comparator.comparingInt(x -> x.node(torus.satsPerPlane()))).toList();
    }

    /** Starts (or, {@code up}, ends) a fault now. */
    public void apply(LiveFault f) {
        List<SatId> sats = f.satellites(torus);
        List<LinkId> cut = f.links(torus).stream().map(l -> normal(l.a(), l.b())).toList();
        synchronized (this) {
            Map<SatId, Long> s = new HashMap<>(satellites);
            Map<LinkId, Long> l = new HashMap<>(links);
            if (f.up()) {
                sats.forEach(s::remove);
                cut.forEach(l::remove);
            } else {
                long until = Double.isInfinite(f.downS()) ? Long.MAX_VALUE
                        : nowMs() + Math.round(f.downS() * 1000);
                sats.forEach(x -> s.merge(x, until, Math::max));
                cut.forEach(x -> l.merge(x, until, Math::max));
            }
            satellites = Map.copyOf(s);
            links = Map.copyOf(l);
        }
        listener.changed(f.describe(), !f.up());
        if (f.crash()) {
            sats.forEach(listener::crashed);
        }
        if (!f.up() && Double.isFinite(f.downS())) {
            timer.schedule(() -> expire(f), Math.round(f.downS() * 1000), TimeUnit.MILLISECONDS);
        }
    }

    /** {@code f}'s time is up: what no later fault holds down is up again. */
    private void expire(LiveFault f) {
        long now = nowMs();
        boolean released;
        synchronized (this) {
            Map<SatId, Long> s = new HashMap<>(satellites);
            Map<LinkId, Long> l = new HashMap<>(links);
            s.values().removeIf(until -> until <= now);
            l.values().removeIf(until -> until <= now);
            satellites = Map.copyOf(s);
            links = Map.copyOf(l);
            // a later, overlapping fault may hold all of it down still: then nothing came up, and nothing is said
            released = f.satellites(torus).stream().anyMatch(x -> !s.containsKey(x))
                    || f.links(torus).stream().anyMatch(x -> !l.containsKey(normal(x.a(), x.b())));
        }
        if (released) {
            listener.changed(f.describe(), false);
        }
    }

    /** Milliseconds on a monotonic clock: an outage's end is not moved by a change of the wall clock. */
    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    /** The satellites down now, in node order (for answers and tests). */
    public List<SatId> downSatellites() {
        return sorted(satellites.keySet());
    }

    /** The links down now. */
    public int downLinks() {
        return links.size();
    }

    private LinkId normal(SatId a, SatId b) {
        return a.node(torus.satsPerPlane()) < b.node(torus.satsPerPlane()) ? new LinkId(a, b) : new LinkId(b, a);
    }
}
