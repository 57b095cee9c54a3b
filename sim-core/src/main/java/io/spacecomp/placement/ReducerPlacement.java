package io.spacecomp.placement;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.routing.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.Locale;

/**
 * Where the single reducer goes (SPEC §5): at the coordinating line-of-sight satellite ({@code LOS}), at
 * the wrap-aware centre of the mappers on the torus ({@code CENTER}), or at the 1-median, the satellite
 * minimising the total mapper → reducer cost ({@code MEDIAN}, beyond the paper).
 */
public enum ReducerPlacement {
    LOS, CENTER, MEDIAN;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReducerPlacement parse(String name) {
        for (ReducerPlacement p : values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown reducer placement '" + name + "' (allowed: los, center, median)");
    }

    /**
     * The reducer for mappers {@code mappers} of a job coordinated by {@code los}.
     *
     * @param router     routes mapper → candidate for {@code MEDIAN}
     * @param departureS when mapper outputs leave (s)
     * @param kind       the cost {@code MEDIAN} minimises
     */
    public SatId place(List<SatId> mappers, SatId los, Torus torus, Router router, double departureS,
                       CostKind kind, CostModel model) {
        return place(mappers, los, torus, router, departureS, kind, model, id -> true);
    }

    /**
     * As {@link #place(List, SatId, Torus, Router, double, CostKind, CostModel)} on a shell where some
     * satellites are down (the empty slots of a TLE shell): {@code CENTER} moves to the nearest satellite that
     * is up (fewest torus hops, then node order), {@code MEDIAN} considers only satellites that are up.
     */
    public SatId place(List<SatId> mappers, SatId los, Torus torus, Router router, double departureS,
                       CostKind kind, CostModel model, Predicate<SatId> up) {
        if (mappers.isEmpty()) {
            throw new IllegalArgumentException("mappers must not be empty");
        }
        return switch (this) {
            case LOS -> los;
            case CENTER -> nearestUp(center(mappers, torus), torus, up);
            case MEDIAN -> median(mappers, torus, router, departureS, kind, model, up);
        };
    }

    /** {@code c} if it is up, else the up satellite fewest torus hops away (ties: node order). */
    static SatId nearestUp(SatId c, Torus torus, Predicate<SatId> up) {
        if (up.test(c)) {
            return c;
        }
        SatId best = null;
        int bestHops = Integer.MAX_VALUE;
        for (int o = 1; o <= torus.planes(); o++) {
            for (int s = 1; s <= torus.satsPerPlane(); s++) {
                SatId id = new SatId(s, o);
                int h = torus.hops(c, id);
                if (h < bestHops && up.test(id)) {
                    best = id;
                    bestHops = h;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("every satellite is down");
        }
        return best;
    }

    /**
     * The wrap-aware centre: in each torus dimension independently, the index minimising the sum of
     * squared ring distances to the mappers (the least-squares mean on a ring; a plain mean of indices
     * is wrong when mappers straddle the wrap). Ties go to the lowest index.
     */
    public static SatId center(List<SatId> mappers, Torus torus) {
        int[] sats = new int[mappers.size()];
        int[] orbs = new int[mappers.size()];
        for (int k = 0; k < mappers.size(); k++) {
            sats[k] = mappers.get(k).sat();
            orbs[k] = mappers.get(k).orb();
        }
        return new SatId(ringCentre(sats, torus.satsPerPlane()), ringCentre(orbs, torus.planes()));
    }

    /** The 1-based index on a ring of {@code n} minimising Σ ringDistance². */
    static int ringCentre(int[] indices, int n) {
        int best = 1;
        long bestSum = Long.MAX_VALUE;
        for (int c = 1; c <= n; c++) {
            long sum = 0;
            for (int x : indices) {
                int d = Math.floorMod(x - c, n);
                d = Math.min(d, n - d);
                sum += (long) d * d;
            }
            if (sum < bestSum) {
                bestSum = sum;
                best = c;
            }
        }
        return best;
    }

    /**
     * The satellite minimising the total mapper → reducer cost. Candidates are the satellites of the
     * smallest wrap-aware torus box holding every mapper: under the hop metric the 1-median lies there.
     */
    public static SatId median(List<SatId> mappers, Torus torus, Router router, double departureS,
                               CostKind kind, CostModel model) {
        return median(mappers, torus, router, departureS, kind, model, id -> true);
    }

    /** As {@link #median(List, Torus, Router, double, CostKind, CostModel)} among the satellites that are up. */
    public static SatId median(List<SatId> mappers, Torus torus, Router router, double departureS,
                               CostKind kind, CostModel model, Predicate<SatId> up) {
        SatId best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (SatId c : boundingBox(mappers, torus)) {
            if (!up.test(c)) {
                continue;
            }
            double total = 0;
            for (SatId m : mappers) {
                total += kind.of(router.route(m, c, departureS), model);
                if (total >= bestCost) {
                    break;
                }
            }
            if (total < bestCost) {
                bestCost = total;
                best = c;
            }
        }
        return best != null ? best : nearestUp(center(mappers, torus), torus, up);
    }

    /** Satellites of the smallest box (arc of planes × arc of in-plane indices) covering {@code sats}. */
    static List<SatId> boundingBox(List<SatId> sats, Torus torus) {
        int[] satArc = smallestArc(sats.stream().mapToInt(SatId::sat).toArray(), torus.satsPerPlane());
        int[] orbArc = smallestArc(sats.stream().mapToInt(SatId::orb).toArray(), torus.planes());
        List<SatId> box = new ArrayList<>();
        for (int j = 0; j < orbArc[1]; j++) {
            for (int i = 0; i < satArc[1]; i++) {
                box.add(new SatId(Math.floorMod(satArc[0] - 1 + i, torus.satsPerPlane()) + 1,
                        Math.floorMod(orbArc[0] - 1 + j, torus.planes()) + 1));
            }
        }
        return box;
    }

    /** {start, length} of the shortest arc of a ring of {@code n} covering every index: skip the widest gap. */
    static int[] smallestArc(int[] indices, int n) {
        boolean[] used = new boolean[n + 1];
        for (int x : indices) {
            used[x] = true;
        }
        List<Integer> present = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (used[i]) {
                present.add(i);
            }
        }
        int bestGap = -1;
        int start = present.get(0);
        for (int k = 0; k < present.size(); k++) {
            int a = present.get(k);
            int b = present.get((k + 1) % present.size());
            int gap = Math.floorMod(b - a, n);
            if (gap == 0) {
                gap = n; // a single index: the gap is the whole ring
            }
            if (gap > bestGap) {
                bestGap = gap;
                start = b;
            }
        }
        return new int[] {start, n - bestGap + 1};
    }
}
