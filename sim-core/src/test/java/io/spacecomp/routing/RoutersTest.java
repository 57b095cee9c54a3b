package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutersTest {

    /** Relative slack for "≤" between routers: hops priced at instants a fraction of a millisecond apart. */
    private static final double REL = 1e-6;

    private static SatId random(SplittableRandom rnd, Torus t) {
        return new SatId(1 + rnd.nextInt(t.satsPerPlane()), 1 + rnd.nextInt(t.planes()));
    }

    /** Endpoints, contiguity, neighbour-only hops, lengths and times as the geometry gives them. */
    private static void assertWellFormed(Path p, SatId from, SatId to, double t0, CircularOrbitGeometry g, RouteOptions o) {
        assertEquals(from, p.source());
        assertEquals(to, p.destination());
        SatId at = from;
        double t = t0;
        for (Hop h : p.hops()) {
            assertEquals(at, h.from());
            assertEquals(g.torus().neighbour(h.from(), h.direction()), h.to());
            assertTrue(g.torus().areNeighbours(h.from(), h.to()));
            assertEquals(t, h.departureS(), 1e-9);
            assertEquals(g.linkLengthKm(h.from(), h.to(), h.departureS()), h.lengthKm(), 1e-9);
            t += h.lengthKm() / 299_792.458 + o.perHopOverheadS();
            at = h.to();
        }
        assertEquals(to, at);
        assertEquals(t, p.arrivalS(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {87.0, 53.0})
    void routersAgreeOnHopsAndOptimalBoundsTheOthers(double inclination) {
        WalkerShell shell = WalkerShell.of(40, 30, inclination, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        RouteOptions o = new RouteOptions(0.001, PolarProtection.OFF);
        Router manhattan = new ManhattanRouter(g, o);
        Router aware = new DistanceAwareRouter(g, o);
        Router optimal = new OptimalMinimalHopRouter(g, o);
        Router shortest = new ShortestPathRouter(g, o);
        SplittableRandom rnd = new SplittableRandom(42);
        int awareStrictlyBetter = 0;
        for (int k = 0; k < 400; k++) {
            SatId a = random(rnd, g.torus());
            SatId b = random(rnd, g.torus());
            double t = rnd.nextDouble() * shell.periodS();
            Path pm = manhattan.route(a, b, t);
            Path pa = aware.route(a, b, t);
            Path po = optimal.route(a, b, t);
            Path ps = shortest.route(a, b, t);
            for (Path p : List.of(pm, pa, po, ps)) {
                assertWellFormed(p, a, b, t, g, o);
            }
            int hops = g.torus().hops(a, b);
            assertEquals(hops, pm.hopCount());
            assertEquals(hops, pa.hopCount());
            assertEquals(hops, po.hopCount());
            assertTrue(po.distanceKm() <= pa.distanceKm() * (1 + REL), () -> "optimal > distance-aware " + a + "->" + b);
            assertTrue(po.distanceKm() <= pm.distanceKm() * (1 + REL), () -> "optimal > manhattan " + a + "->" + b);
            assertTrue(ps.distanceKm() <= po.distanceKm() * (1 + REL), () -> "shortest > optimal " + a + "->" + b);
            if (pa.distanceKm() < pm.distanceKm() * (1 - 1e-3)) {
                awareStrictlyBetter++;
            }
        }
        // The local rule must actually gain on a good share of pairs, or it is not doing its job.
        assertTrue(awareStrictlyBetter > 100, "distance-aware beat manhattan on only " + awareStrictlyBetter + " pairs");
    }

    @Test
    void manhattanCrossesPlanesFirstTheShorterWayRound() {
        WalkerShell shell = WalkerShell.of(10, 10, 87, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        Path p = new ManhattanRouter(g, RouteOptions.DEFAULT).route(new SatId(2, 9), new SatId(10, 2), 0.0);
        // orb 9 -> 2: +3 the short way (9,10,1,2); sat 2 -> 10: -2 the short way (2,1,10).
        List<Direction> dirs = p.hops().stream().map(Hop::direction).toList();
        assertEquals(List.of(Direction.EAST, Direction.EAST, Direction.EAST, Direction.BEHIND, Direction.BEHIND), dirs);
        assertEquals(List.of(new SatId(2, 9), new SatId(2, 10), new SatId(2, 1), new SatId(2, 2), new SatId(1, 2),
                new SatId(10, 2)), p.satellites());
    }

    @Test
    void distanceAwareDefersTheCrossingTowardsShorterLinks() {
        // At t = 0 satellite 1 of each plane is on the equator (u = 0), where cross-plane links are longest.
        // Going 10 planes east and 20 satellites ahead (towards the pole, u = 72° at the end), crossing
        // late is cheaper: hand check against the closed form Dn(u).
        WalkerShell shell = WalkerShell.of(100, 100, 87, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        SatId from = new SatId(1, 1);
        SatId to = new SatId(21, 11);
        Path pm = new ManhattanRouter(g, RouteOptions.DEFAULT).route(from, to, 0.0);
        Path pa = new DistanceAwareRouter(g, RouteOptions.DEFAULT).route(from, to, 0.0);
        double dm = g.intraPlaneLinkKm();
        // Manhattan: 10 crossings at u = 0 (433.5 km each) then 20 in-plane hops.
        assertEquals(10 * g.interPlaneLinkKm(0) + 20 * dm, pm.distanceKm(), 1e-3);
        // Distance-aware: 20 in-plane hops first, then 10 crossings at u = 72° (time advances a few ms).
        assertTrue(pa.hops().subList(0, 20).stream().noneMatch(h -> h.direction().isCrossPlane()));
        double dn72 = g.interPlaneLinkKm(Math.toRadians(72));
        assertEquals(10 * dn72 + 20 * dm, pa.distanceKm(), 1.0);
        // 10 x (433.5 - 135.7) km saved: about 2,978 km of 13,006.
        assertTrue(pa.distanceKm() < pm.distanceKm() - 2900.0);
    }

    @Test
    void distanceAwareStepsOffTheCrossoverPoint() {
        // u = 90° exactly for satellite 26 of a 100-satellite plane at t = 0: the local minimum of Dn.
        WalkerShell shell = WalkerShell.of(100, 100, 87, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        Path pa = new DistanceAwareRouter(g, RouteOptions.DEFAULT).route(new SatId(26, 1), new SatId(30, 3), 0.0);
        assertFalse(pa.hops().get(0).direction().isCrossPlane(), "must leave the crossover point in-plane");
        assertEquals(6, pa.hopCount());
    }

    @Test
    void protectionIsRespectedByEveryRouter() {
        WalkerShell shell = WalkerShell.of(30, 30, 87, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        PolarProtection protection = PolarProtection.at(60.0);
        RouteOptions o = new RouteOptions(0.0, protection);
        SplittableRandom rnd = new SplittableRandom(7);
        int detours = 0;
        for (String name : Routers.NAMES) {
            Router r = Routers.byName(name, g, o);
            for (int k = 0; k < 200; k++) {
                SatId a = random(rnd, g.torus());
                SatId b = random(rnd, g.torus());
                double t = rnd.nextDouble() * shell.periodS();
                Path p = r.route(a, b, t);
                assertWellFormed(p, a, b, t, g, o);
                for (Hop h : p.hops()) {
                    if (h.direction().isCrossPlane()) {
                        assertTrue(Math.abs(g.latitudeDeg(h.from(), h.departureS())) <= 60.0, name + " crossed at " + h);
                        assertTrue(Math.abs(g.latitudeDeg(h.to(), h.departureS())) <= 60.0, name + " crossed at " + h);
                    }
                }
                if (!name.equals(ShortestPathRouter.NAME) && p.hopCount() > g.torus().hops(a, b)) {
                    detours++;
                }
            }
        }
        assertTrue(detours > 0, "a 60° cap must force some detours");
    }

    @Test
    void protectedDetourIsTheFewestHopsAround() {
        // From the pole region, both ends in the cap, different planes: no minimal path avoids crossing
        // inside the cap, so the walk must leave the cap in-plane, cross, and come back.
        WalkerShell shell = WalkerShell.of(20, 20, 90, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        RouteOptions o = new RouteOptions(0.0, PolarProtection.at(75.0));
        // sat 6 is at u = 90° (the pole) at t = 0 for M = 20; neighbours at ±18° are at latitude 72°.
        SatId a = new SatId(6, 1);
        SatId b = new SatId(6, 2);
        for (String name : List.of(ManhattanRouter.NAME, DistanceAwareRouter.NAME, OptimalMinimalHopRouter.NAME)) {
            Path p = Routers.byName(name, g, o).route(a, b, 0.0);
            assertEquals(3, p.hopCount(), name + ": step out of the cap, cross, step back");
            assertEquals(1, p.crossPlaneHops(), name);
        }
    }

    @Test
    void unroutableWhenTheCapCoversEverything() {
        // A 0° limit forbids every cross-plane hop not exactly on the equator.
        WalkerShell shell = WalkerShell.of(10, 10, 87, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        RouteOptions o = new RouteOptions(0.0, PolarProtection.at(0.0));
        for (String name : Routers.NAMES) {
            Router r = Routers.byName(name, g, o);
            UnroutableException e = assertThrows(UnroutableException.class, () -> r.route(new SatId(2, 1), new SatId(2, 3), 1.0));
            assertTrue(e.getMessage().contains("(2,1)") && e.getMessage().contains("(2,3)"), e.getMessage());
        }
    }

    @Test
    void optimalTriesBothWaysRoundAtAHalfWayTie() {
        WalkerShell shell = WalkerShell.of(10, 10, 87, 530);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        Router optimal = new OptimalMinimalHopRouter(g, RouteOptions.DEFAULT);
        SatId a = new SatId(1, 1);
        SatId b = new SatId(6, 6); // 5 and 5: both ways are minimal in both dimensions
        Path p = optimal.route(a, b, 123.0);
        assertEquals(10, p.hopCount());
        for (int s : new int[] {1, -1}) {
            for (int o : new int[] {1, -1}) {
                // Every monotone lattice path of the other ways is no shorter: check the two extreme orders.
                double crossFirst = 0;
                double inFirst = 0;
                SatId x = a;
                SatId y = a;
                double tx = 123.0;
                double ty = 123.0;
                for (int k = 0; k < 10; k++) {
                    Direction dx = k < 5 ? Direction.crossPlane(o) : Direction.inPlane(s);
                    Direction dy = k < 5 ? Direction.inPlane(s) : Direction.crossPlane(o);
                    double lx = g.linkLengthKm(x, g.torus().neighbour(x, dx), tx);
                    double ly = g.linkLengthKm(y, g.torus().neighbour(y, dy), ty);
                    crossFirst += lx;
                    inFirst += ly;
                    tx += lx / 299_792.458;
                    ty += ly / 299_792.458;
                    x = g.torus().neighbour(x, dx);
                    y = g.torus().neighbour(y, dy);
                }
                assertEquals(b, x);
                assertEquals(b, y);
                assertTrue(p.distanceKm() <= Math.min(crossFirst, inFirst) * (1 + REL));
            }
        }
    }

    @Test
    void samePointIsAnEmptyPathAndOutsideIsAnError() {
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.of(10, 10, 87, 530));
        for (String name : Routers.NAMES) {
            Router r = Routers.byName(name, g, RouteOptions.DEFAULT);
            Path p = r.route(new SatId(3, 3), new SatId(3, 3), 5.0);
            assertEquals(0, p.hopCount());
            assertEquals(5.0, p.arrivalS());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.route(new SatId(11, 1), new SatId(1, 1), 0));
            assertTrue(e.getMessage().contains("(11,1)"));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Routers.byName("fastest", g, RouteOptions.DEFAULT));
        assertTrue(e.getMessage().contains("distance-aware"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void routeAllGivesTheSamePathsAsRouteOneByOne(boolean protect) {
        CircularOrbitGeometry g = new CircularOrbitGeometry(WalkerShell.paperDefault(24, 20));
        RouteOptions o = new RouteOptions(0.0005, protect ? PolarProtection.DEFAULT : PolarProtection.OFF);
        SplittableRandom rnd = new SplittableRandom(9);
        for (String name : Routers.NAMES) {
            Router r = Routers.byName(name, g, o);
            for (int k = 0; k < 5; k++) {
                SatId from = random(rnd, g.torus());
                List<SatId> to = List.of(random(rnd, g.torus()), random(rnd, g.torus()), from, random(rnd, g.torus()));
                double t = rnd.nextDouble() * 6000;
                List<Path> all = r.routeAll(from, to, t);
                assertEquals(to.size(), all.size());
                for (int i = 0; i < to.size(); i++) {
                    assertEquals(r.route(from, to.get(i), t), all.get(i), name + " to " + to.get(i));
                }
            }
        }
    }
}
