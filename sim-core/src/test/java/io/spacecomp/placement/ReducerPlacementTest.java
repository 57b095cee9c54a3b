package io.spacecomp.placement;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.ManhattanRouter;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReducerPlacementTest {

    private final Torus torus = new Torus(100, 100);

    @Test
    void centreOfMappersStraddlingTheWrap() {
        // Planes 98, 99, 100, 1, 2 straddle the wrap: the centre is plane 100 (a plain mean says 60).
        // In-plane indices 3, 5, 7, 9, 11 do not: the centre is 7.
        List<SatId> mappers = List.of(new SatId(3, 98), new SatId(5, 99), new SatId(7, 100), new SatId(9, 1), new SatId(11, 2));
        assertEquals(new SatId(7, 100), ReducerPlacement.center(mappers, torus));
        // Both dimensions straddling: sat 97..3 (centre 100), planes 99, 99, 2, 2, 1 →
        // squared distances at c = 1: 4+4+1+1+0 = 10; at c = 100: 1+1+4+4+1 = 11; so plane 1.
        List<SatId> both = List.of(new SatId(97, 99), new SatId(99, 99), new SatId(100, 2), new SatId(2, 2), new SatId(3, 1));
        // sats 97, 99, 100, 2, 3: at c = 100: 9+1+0+4+9 = 23; at c = 1: 16+4+1+1+4 = 26; at c = 99: 4+0+1+9+16 = 30.
        assertEquals(new SatId(100, 1), ReducerPlacement.center(both, torus));
    }

    @Test
    void centreWithoutWrapIsTheRoundedMean() {
        List<SatId> mappers = List.of(new SatId(10, 40), new SatId(20, 44), new SatId(30, 48));
        assertEquals(new SatId(20, 44), ReducerPlacement.center(mappers, torus));
    }

    @Test
    void smallestArcSkipsTheWidestGap() {
        assertEquals(List.of(98, 5), List.of(ReducerPlacement.smallestArc(new int[] {98, 100, 1, 2}, 100)[0],
                ReducerPlacement.smallestArc(new int[] {98, 100, 1, 2}, 100)[1]));
        int[] single = ReducerPlacement.smallestArc(new int[] {7, 7}, 10);
        assertEquals(7, single[0]);
        assertEquals(1, single[1]);
        // sats 99, 100, 1, 2 x planes 3, 4
        assertEquals(8, ReducerPlacement.boundingBox(List.of(new SatId(99, 3), new SatId(2, 4)), torus).size());
    }

    @Test
    void medianIsNoWorseThanCentreOrLos() {
        WalkerShell shell = WalkerShell.paperDefault(40, 40);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        Router router = new ManhattanRouter(g, RouteOptions.DEFAULT);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            List<SatId> mappers = new ArrayList<>();
            int s0 = 1 + rnd.nextInt(40);
            int o0 = 1 + rnd.nextInt(40);
            for (int k = 0; k < 12; k++) {
                mappers.add(new SatId(Math.floorMod(s0 + rnd.nextInt(9) - 1, 40) + 1, Math.floorMod(o0 + rnd.nextInt(9) - 1, 40) + 1));
            }
            SatId los = new SatId(1 + rnd.nextInt(40), 1 + rnd.nextInt(40));
            double t = rnd.nextDouble() * 5000;
            SatId median = ReducerPlacement.MEDIAN.place(mappers, los, g.torus(), router, t, CostKind.DISTANCE, CostModel.PAPER_DEFAULT);
            SatId centre = ReducerPlacement.CENTER.place(mappers, los, g.torus(), router, t, CostKind.DISTANCE, CostModel.PAPER_DEFAULT);
            assertEquals(los, ReducerPlacement.LOS.place(mappers, los, g.torus(), router, t, CostKind.DISTANCE, CostModel.PAPER_DEFAULT));
            double medianCost = total(mappers, median, router, t);
            assertTrue(medianCost <= total(mappers, centre, router, t) + 1e-9);
            assertTrue(medianCost <= total(mappers, los, router, t) + 1e-9);
            // Hops: the box contains the hop 1-median, so no satellite anywhere has fewer total hops.
            SatId hopMedian = ReducerPlacement.median(mappers, g.torus(), router, t, CostKind.HOPS, CostModel.PAPER_DEFAULT);
            int best = Integer.MAX_VALUE;
            for (SatId c : shell.satellites()) {
                int h = 0;
                for (SatId m : mappers) {
                    h += g.torus().hops(m, c);
                }
                best = Math.min(best, h);
            }
            int got = 0;
            for (SatId m : mappers) {
                got += g.torus().hops(m, hopMedian);
            }
            assertEquals(best, got);
        }
    }

    private static double total(List<SatId> mappers, SatId reducer, Router router, double t) {
        double s = 0;
        for (SatId m : mappers) {
            s += router.route(m, reducer, t).distanceKm();
        }
        return s;
    }

    @Test
    void parseAndCostModel() {
        assertEquals(ReducerPlacement.CENTER, ReducerPlacement.parse("center"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReducerPlacement.parse("middle")).getMessage().contains("los, center, median"));
        assertEquals(CostKind.EQ5, CostKind.parse("eq5"));
        // Eq. 5 by hand, one hop of 433 km, 10 GB: 1·1 + 1·3 + (433/c + 8e10 / 0.4391e9) ≈ 4 + 182.2 s.
        CostModel m = CostModel.PAPER_DEFAULT;
        double capacity = m.linkBudget().capacityBitsPerS(433.0);
        assertEquals(4.0 + 433.0 / 299_792.458 + 8e10 / capacity, m.cost(1, 433.0), 1e-9);
        assertEquals(186.2, m.cost(1, 433.0), 1.0);
        assertEquals(1.0, m.cost(0, 0.0), 0.0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CostModel(1, 1, -3, 1, m.linkBudget())).getMessage().contains("perHopOverheadH"));
    }

    @Test
    void aCentreThatIsDownMovesToTheNearestSatelliteThatIsUp() {
        java.util.List<SatId> mappers = java.util.List.of(new SatId(10, 10), new SatId(12, 10), new SatId(10, 12), new SatId(12, 12));
        SatId centre = ReducerPlacement.center(mappers, torus);
        assertEquals(new SatId(11, 11), centre);
        java.util.Set<SatId> down = java.util.Set.of(new SatId(11, 11), new SatId(11, 10));
        // one hop away: (11,10) (down), (10,11), (12,11), (11,12) in node order: the first that is up wins
        SatId moved = ReducerPlacement.CENTER.place(mappers, new SatId(1, 1), torus, null, 0.0, CostKind.HOPS,
                CostModel.PAPER_DEFAULT, id -> !down.contains(id));
        assertEquals(new SatId(10, 11), moved);
        assertEquals(centre, ReducerPlacement.CENTER.place(mappers, new SatId(1, 1), torus, null, 0.0, CostKind.HOPS,
                CostModel.PAPER_DEFAULT, id -> true));
    }
}
