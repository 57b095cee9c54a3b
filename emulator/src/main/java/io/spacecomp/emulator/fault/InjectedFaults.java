package io.spacecomp.emulator.fault;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.routing.LinkState;
import io.spacecomp.sim.fault.LinkId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one live plane knows is down because a fault was injected ({@link LiveFault}): its routers plan around
 * it, as the simulator's routers see its fault state, and its satellites drop ISL traffic to and from what is
 * down, so a hop fails as it would to a dead peer. Each outage lasts until its time is up (the plane's timer
 * ends it) or an {@code up} ends it; overlapping outages of the same satellite or link last until the later end.
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
    /** Down satellites and links → when their outage ends (Unix ms; {@link Long#MAX_VALUE}: until an up). */
    private volatile Map<SatId, Long> satellites = Map.of();
    private volatile Map<LinkId, Long> links = Map.of();

    public InjectedFaults(Torus torus, ScheduledExecutorService timer, Listener listener) {
        this.torus = torus;
        this.timer = timer;
        this.listener = listener;
    }

    @Override
    public boolean satelliteUp(SatId sat) {
        Map<SatId, Long> down = satellites;
        return down.isEmpty() || !down.containsKey(sat);
    }

    @Override
    public boolean linkUp(SatId from, Direction d) {
        return linkUp(from, torus.neighbour(from, d));
    }

    /** Whether the ISL between neighbours {@code a} and {@code b} carries traffic: both ends and the link are up. */
    public boolean linkUp(SatId a, SatId b) {
        Map<LinkId, Long> cut = links;
        return satelliteUp(a) && satelliteUp(b) && (cut.isEmpty() || !cut.containsKey(normal(a, b)));
    }

    @Override
    public boolean anyDown() {
        return !satellites.isEmpty() || !links.isEmpty();
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
                        : System.currentTimeMillis() + Math.round(f.downS() * 1000);
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
        long now = System.currentTimeMillis();
        synchronized (this) {
            Map<SatId, Long> s = new HashMap<>(satellites);
            Map<LinkId, Long> l = new HashMap<>(links);
            s.values().removeIf(until -> until <= now);
            l.values().removeIf(until -> until <= now);
            satellites = Map.copyOf(s);
            links = Map.copyOf(l);
        }
        listener.changed(f.describe(), false);
    }

    /** The satellites down now, in node order (for answers and tests). */
    public List<SatId> downSatellites() {
        return satellites.keySet().stream().sorted(java.util.Comparator.comparingInt(x -> x.node(torus.satsPerPlane()))).toList();
    }

    /** The links down now. */
    public int downLinks() {
        return links.size();
    }

    private LinkId normal(SatId a, SatId b) {
        return a.node(torus.satsPerPlane()) < b.node(torus.satsPerPlane()) ? new LinkId(a, b) : new LinkId(b, a);
    }
}
