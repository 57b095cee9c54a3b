package io.spacecomp.placement;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.routing.Router;

import java.util.ArrayList;
import java.util.List;
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
        if (mappers.isEmpty()) {
            throw new IllegalArgumentException("mappers must not be empty");
        }
        return switch (this) {
            case LOS -> los;
            case CENTER -> center(mappers, torus);
            case MEDIAN -> median(mappers, torus, router, departureS, kind, model);
        };
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
        SatId best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (SatId c : boundingBox(mappers, torus)) {
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
        return best;
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
