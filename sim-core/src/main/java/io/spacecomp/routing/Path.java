package io.spacecomp.routing;

import io.spacecomp.orbit.shell.SatId;

import java.util.ArrayList;
import java.util.List;

/**
 * A route through the ISL mesh: the hops in order, when it leaves and when it arrives.
 *
 * @param source      first satellite
 * @param destination last satellite
 * @param hops        the hops, each leaving from the previous one's receiver
 * @param departureS  time the first hop is taken (s)
 * @param arrivalS    time the last hop is received (s); equals {@code departureS} for an empty path
 */
public record Path(SatId source, SatId destination, List<Hop> hops, double departureS, double arrivalS) {

    public Path {
        hops = List.copyOf(hops);
    }

    public int hopCount() {
        return hops.size();
    }

    /** Sum of the link lengths at the times each hop is taken (km). */
    public double distanceKm() {
        double d = 0.0;
        for (Hop h : hops) {
            d += h.lengthKm();
        }
        return d;
    }

    /** Number of cross-plane hops. */
    public int crossPlaneHops() {
        int n = 0;
        for (Hop h : hops) {
            if (h.direction().isCrossPlane()) {
                n++;
            }
        }
        return n;
    }

    /** Every satellite visited, source and destination included. */
    public List<SatId> satellites() {
        List<SatId> sats = new ArrayList<>(hops.size() + 1);
        sats.add(source);
        for (Hop h : hops) {
            sats.add(h.to());
        }
        return sats;
    }
}
