package io.spacecomp.routing;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The minimal-hop paths between two satellites as a lattice of (in-plane steps + 1) × (cross-plane steps
 * + 1) cells; dynamic programming finds the shortest one whose every hop {@link Rule} allows. Every
 * lattice path to a cell has taken the same number of hops, so each link is priced at the time the
 * cheapest prefix reaches it. When the shorter way round is a tie (half-way round an even ring) both
 * ways are tried.
 */
final class MinimalLattice {

    /** Which hops the lattice may take. */
    interface Rule {
        boolean allowed(SatId from, Direction d, double tS);
    }

    private final Links links;

    MinimalLattice(Links links) {
        this.links = links;
    }

    /**
     * When no minimal-hop path is allowed: why, as an unreachable destination, or null when polar protection
     * alone blocks them (a detour then goes round the cap). Faults, or a TLE shell's empty slots, that block
     * every minimal-hop path make the destination unreachable for a minimal-hop router.
     */
    UnroutableException blocked(SatId from, SatId to, double departureS) {
        if (!links.faulty()) {
            return null;
        }
        if (best(from, to, departureS, links::allowedIgnoringFaults) != null
                || best(from, to, departureS, links::flies) == null) {
            return new UnroutableException(from, to, departureS, "every minimal-hop path crosses a down satellite or link");
        }
        return null;
    }

    /**
     * The shortest minimal-hop path whose hops {@code rule} allows, or null when there is none; the rule must
     * allow only hops that {@link Links#flies fly} (the others have no length).
     */
    Path best(SatId from, SatId to, double departureS, Rule rule) {
        Torus torus = links.torus();
        int satSteps = torus.satSteps(from, to);
        int orbSteps = torus.orbSteps(from, to);
        Path best = null;
        for (int s : waysRound(satSteps, torus.satsPerPlane())) {
            for (int o : waysRound(orbSteps, torus.planes())) {
                Path p = lattice(from, to, departureS, s, o, rule);
                if (p != null && (best == null || p.distanceKm() < best.distanceKm())) {
                    best = p;
                }
            }
        }
        return best;
    }

    /** The signed step counts of the minimal ways round: one, or two at an exact half-way tie. */
    private static int[] waysRound(int steps, int ringSize) {
        return ringSize % 2 == 0 && Math.abs(steps) == ringSize / 2 ? new int[] {steps, -steps} : new int[] {steps};
    }

    private Path lattice(SatId from, SatId to, double departureS, int satSteps, int orbSteps, Rule rule) {
        Torus torus = links.torus();
        int rows = Math.abs(satSteps) + 1;
        int cols = Math.abs(orbSteps) + 1;
        Direction in = Direction.inPlane(satSteps);
        Direction cross = Direction.crossPlane(orbSteps);
        double[][] cost = new double[rows][cols];
        double[][] time = new double[rows][cols];
        Hop[][] via = new Hop[rows][cols];
        SatId[][] sat = new SatId[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sat[i][j] = i == 0 && j == 0 ? from
                        : i > 0 ? torus.neighbour(sat[i - 1][j], in) : torus.neighbour(sat[i][j - 1], cross);
                if (i == 0 && j == 0) {
                    time[0][0] = departureS;
                    continue;
                }
                cost[i][j] = Double.POSITIVE_INFINITY;
                if (i > 0 && cost[i - 1][j] < Double.POSITIVE_INFINITY && rule.allowed(sat[i - 1][j], in, time[i - 1][j])) {
                    relax(cost, time, via, i, j, i - 1, j, links.hop(sat[i - 1][j], in, time[i - 1][j]));
                }
                if (j > 0 && cost[i][j - 1] < Double.POSITIVE_INFINITY
                        && rule.allowed(sat[i][j - 1], cross, time[i][j - 1])) {
                    relax(cost, time, via, i, j, i, j - 1, links.hop(sat[i][j - 1], cross, time[i][j - 1]));
                }
            }
        }
        int ei = rows - 1;
        int ej = cols - 1;
        if (cost[ei][ej] == Double.POSITIVE_INFINITY) {
            return null;
        }
        List<Hop> hops = new ArrayList<>(rows + cols - 2);
        for (int i = ei, j = ej; i > 0 || j > 0; ) {
            Hop h = via[i][j];
            hops.add(h);
            if (h.direction().isCrossPlane()) {
                j--;
            } else {
                i--;
            }
        }
        Collections.reverse(hops);
        return new Path(from, to, hops, departureS, time[ei][ej]);
    }

    private void relax(double[][] cost, double[][] time, Hop[][] via, int i, int j, int pi, int pj, Hop hop) {
        double c = cost[pi][pj] + hop.lengthKm();
        if (c < cost[i][j]) {
            cost[i][j] = c;
            time[i][j] = links.arrivalS(time[pi][pj], hop.lengthKm());
            via[i][j] = hop;
        }
    }
}
