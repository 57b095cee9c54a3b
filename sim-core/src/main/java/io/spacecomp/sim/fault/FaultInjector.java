package io.spacecomp.sim.fault;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.protocol.Clock;
import umontreal.ssj.rng.RandomStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link FaultPlan} into clock events that change the {@link FaultState}: each fault starts at its
 * time and, unless it lasts for good, ends {@code downS} later. A crash also tells the {@link Listener},
 * which drops the satellite's state.
 */
public final class FaultInjector {

    /** What the run does when a fault starts or ends. */
    public interface Listener {
        /** {@code sat} crashed now: its state and queued work are lost. */
        void crashed(SatId sat);

        /** A fault started ({@code start}) or ended; for the trace. */
        void changed(String description, boolean start);
    }

    private final Clock clock;
    private final FaultState state;
    private final Torus torus;
    private final Listener listener;

    public FaultInjector(Clock clock, FaultState state, Listener listener) {
        this.clock = clock;
        this.state = state;
        this.torus = state.torus();
        this.listener = listener;
    }

    /**
     * Schedules every event, its {@code atS} counted from {@code startS} (the run's first job); throws naming
     * the event when it does not fit the shell.
     */
    public void schedule(List<FaultEvent> events, double startS) {
        for (FaultEvent e : events) {
            schedule(e, startS);
        }
    }

    private void schedule(FaultEvent e, double startS) {
        if (e instanceof FaultEvent.SatelliteDown s) {
            for (SatId sat : s.satellites()) {
                inside(sat);
            }
            at(startS + e.atS(), () -> satellites(s.satellites(), s.outage(), true), e.downS(),
                    () -> satellites(s.satellites(), s.outage(), false));
        } else if (e instanceof FaultEvent.PlaneDown p) {
            if (p.plane() > torus.planes()) {
                throw new IllegalArgumentException("plane " + p.plane() + " is outside the shell (1.." + torus.planes() + ")");
            }
            List<SatId> sats = new ArrayList<>();
            for (int s = 1; s <= torus.satsPerPlane(); s++) {
                sats.add(new SatId(s, p.plane()));
            }
            at(startS + e.atS(), () -> satellites(sats, p.outage(), true), e.downS(), () -> satellites(sats, p.outage(), false));
        } else if (e instanceof FaultEvent.LinkDown l) {
            for (LinkId id : l.links()) {
                inside(id.a());
                inside(id.b());
                state.direction(id.a(), id.b());
            }
            at(startS + e.atS(), () -> links(l.links(), true), e.downS(), () -> links(l.links(), false));
        } else if (e instanceof FaultEvent.Partition p) {
            List<LinkId> cut = partitionCut(torus, p.planes());
            at(startS + e.atS(), () -> {
                listener.changed("partition " + p.planes() + " from the other planes", true);
                cut.forEach(l -> state.link(l.a(), l.b(), true));
            }, e.downS(), () -> {
                listener.changed("partition " + p.planes() + " from the other planes", false);
                cut.forEach(l -> state.link(l.a(), l.b(), false));
            });
        } else {
            throw new IllegalArgumentException("unknown fault " + e);
        }
    }

    /** Schedules every satellite's crashes from {@code startS} up to {@code horizonS}, as {@link RandomFaults#crashes} draws them. */
    public void scheduleRandomCrashes(RandomFaults random, RandomStream stream, double startS, double horizonS) {
        for (FaultEvent.SatelliteDown c : random.crashes(torus, stream, startS, horizonS)) {
            at(c.atS(), () -> satellites(c.satellites(), Outage.CRASH, true), c.downS(),
                    () -> satellites(c.satellites(), Outage.CRASH, false));
        }
    }

    /** The cross-plane links between {@code planes} and every other plane (the emulator cuts the same). */
    public static List<LinkId> partitionCut(Torus torus, List<Integer> planes) {
        boolean[] side = new boolean[torus.planes() + 1];
        for (int p : planes) {
            if (p < 1 || p > torus.planes()) {
                throw new IllegalArgumentException("plane " + p + " is outside the shell (1.." + torus.planes() + ")");
            }
            side[p] = true;
        }
        List<LinkId> cut = new ArrayList<>();
        for (int o = 1; o <= torus.planes(); o++) {
            for (int s = 1; s <= torus.satsPerPlane(); s++) {
                SatId a = new SatId(s, o);
                SatId b = torus.neighbour(a, Direction.EAST);
                if (side[a.orb()] != side[b.orb()]) {
                    cut.add(new LinkId(a, b));
                }
            }
        }
        return cut;
    }

    private void satellites(List<SatId> sats, Outage outage, boolean start) {
        for (SatId s : sats) {
            listener.changed((outage == Outage.CRASH ? "crash of " : "outage of ") + s, start);
            state.satellite(s, start);
            if (start && outage == Outage.CRASH) {
                listener.crashed(s);
            }
        }
    }

    private void links(List<LinkId> links, boolean start) {
        for (LinkId l : links) {
            listener.changed("outage of link " + l, start);
            state.link(l.a(), l.b(), start);
        }
    }

    private void at(double atS, Runnable start, double downS, Runnable end) {
        clock.schedule(Math.max(0.0, atS - clock.nowS()), () -> {
            start.run();
            if (Double.isFinite(downS)) {
                clock.schedule(downS, end);
            }
        });
    }

    private void inside(SatId s) {
        if (s.sat() > torus.satsPerPlane() || s.orb() > torus.planes()) {
            throw new IllegalArgumentException("satellite " + s + " is outside the shell (sat 1.." + torus.satsPerPlane()
                    + ", orb 1.." + torus.planes() + ")");
        }
    }
}
