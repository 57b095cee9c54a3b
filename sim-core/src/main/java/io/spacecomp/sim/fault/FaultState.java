package io.spacecomp.sim.fault;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.routing.LinkState;

/**
 * Which satellites and links are down now: the network consults it on every hop and the routers plan
 * around it. Outages overlap (a satellite in a lost plane may also be crashed), so each satellite and
 * link counts the outages holding it down; it is up again when the count is back to zero.
 */
public final class FaultState implements LinkState {

    private final Torus torus;
    private final int[] satelliteOutages;
    private final boolean[] takenDown;
    /** Per undirected link: index of its AHEAD/EAST end × 2, + 1 for a cross-plane link. */
    private final int[] linkOutages;
    private int active;

    public FaultState(Torus torus) {
        this.torus = torus;
        this.satelliteOutages = new int[torus.size()];
        this.takenDown = new boolean[torus.size()];
        this.linkOutages = new int[2 * torus.size()];
    }

    public Torus torus() {
        return torus;
    }

    @Override
    public boolean satelliteUp(SatId sat) {
        if (active == 0) {
            return true;
        }
        int i = index(sat);
        return satelliteOutages[i] == 0 && !takenDown[i];
    }

    @Override
    public boolean linkUp(SatId from, Direction d) {
        if (active == 0) {
            return true;
        }
        SatId to = torus.neighbour(from, d);
        return satelliteUp(from) && satelliteUp(to) && linkOutages[linkIndex(from, d)] == 0;
    }

    @Override
    public boolean anyDown() {
        return active > 0;
    }

    /** Starts ({@code down}) or ends one outage of {@code sat}. */
    public void satellite(SatId sat, boolean down) {
        int i = index(sat);
        if (!down && satelliteOutages[i] == 0) {
            throw new IllegalStateException(sat + " has no outage to end");
        }
        satelliteOutages[i] += down ? 1 : -1;
        active += down ? 1 : -1;
    }

    /** Starts or ends one outage of the link between neighbours {@code a} and {@code b}. */
    public void link(SatId a, SatId b, boolean down) {
        int k = linkIndex(a, direction(a, b));
        if (!down && linkOutages[k] == 0) {
            throw new IllegalStateException("link " + a + "-" + b + " has no outage to end");
        }
        linkOutages[k] += down ? 1 : -1;
        active += down ? 1 : -1;
    }

    /** A test's switch, apart from scheduled outages: takes {@code sat} down until switched back. */
    public void takeDown(SatId sat, boolean down) {
        int i = index(sat);
        if (takenDown[i] != down) {
            takenDown[i] = down;
            active += down ? 1 : -1;
        }
    }

    /** The direction from {@code a} to its neighbour {@code b}. */
    public Direction direction(SatId a, SatId b) {
        for (Direction d : Direction.values()) {
            if (torus.neighbour(a, d).equals(b)) {
                return d;
            }
        }
        throw new IllegalArgumentException(a + " and " + b + " are not neighbours on the torus: no ISL joins them");
    }

    private int linkIndex(SatId from, Direction d) {
        boolean forward = d == Direction.AHEAD || d == Direction.EAST;
        SatId end = forward ? from : torus.neighbour(from, d);
        return 2 * index(end) + (d.isCrossPlane() ? 1 : 0);
    }

    private int index(SatId s) {
        if (s.sat() > torus.satsPerPlane() || s.orb() > torus.planes()) {
            throw new IllegalArgumentException("satellite " + s + " is outside the " + torus.satsPerPlane() + " sats x "
                    + torus.planes() + " planes shell");
        }
        return s.node(torus.satsPerPlane()) - 1;
    }
}
