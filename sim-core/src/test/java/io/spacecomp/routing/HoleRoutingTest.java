package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routers over a shell whose empty slots (a TLE shell's holes) have no position at all: the minimal-hop routers
 * take another minimal path or say there is none, exactly when a brute-force search of the minimal paths says
 * so; no router ever asks where a hole is.
 */
class HoleRoutingTest {

    private static final WalkerShell SHELL = WalkerShell.paperDefault(10, 10);
    private static final List<String> MINIMAL = List.of("manhattan", "distance-aware", "optimal");

    private static HoleyGeometry holey(Set<SatId> holes) {
        return new HoleyGeometry(new CircularOrbitGeometry(SHELL), holes);
    }

    @Test
    void aHoleOnTheOnlyMinimalPathMakesTheDestinationUnreachableAndAnotherMinimalPathIsTaken() {
        HoleyGeometry g = holey(Set.of(new SatId(5, 3)));
        for (String name : MINIMAL) {
            Router r = Routers.byName(name, g, RouteOptions.DEFAULT);
            UnroutableException e = assertThrows(UnroutableException.class, () -> r.route(new SatId(4, 3), new SatId(6, 3), 100.0), name);
            assertTrue(e.getMessage().contains("down"), e.getMessage());
            Path p = r.route(new SatId(4, 3), new SatId(5, 4), 100.0);
            assertEquals(List.of(new SatId(4, 3), new SatId(4, 4), new SatId(5, 4)), p.satellites(), name);
        }
        Path round = Routers.byName("shortest", g, RouteOptions.DEFAULT).route(new SatId(4, 3), new SatId(6, 3), 100.0);
        assertEquals(4, round.hopCount());
        assertFalse(round.satellites().contains(new SatId(5, 3)));
    }

    @Test
    void minimalHopRoutersFindAPathExactlyWhenOneAvoidsTheHoles() {
        Set<SatId> holes = Set.of(new SatId(2, 2), new SatId(3, 2), new SatId(7, 5), new SatId(7, 6), new SatId(1, 9), new SatId(10, 9),
                new SatId(5, 1), new SatId(5, 10));
        HoleyGeometry g = holey(holes);
        List<SatId> up = new ArrayList<>();
        for (SatId s : SHELL.satellites()) {
            if (g.isUp(s)) {
                up.add(s);
            }
        }
        SplittableRandom rnd = new SplittableRandom(5);
        int blocked = 0;
        for (RouteOptions options : List.of(RouteOptions.DEFAULT, new RouteOptions(0.0, PolarProtection.DEFAULT))) {
            List<Router> routers = new ArrayList<>();
            for (String name : Routers.NAMES) {
                routers.add(Routers.byName(name, g, options));
            }
            for (int i = 0; i < 1500; i++) {
                SatId from = up.get(rnd.nextInt(up.size()));
                SatId to = up.get(rnd.nextInt(up.size()));
                double t = rnd.nextDouble() * SHELL.periodS();
                boolean minimalExists = minimalPathAvoiding(SHELL.torus(), holes, from, to);
                for (Router r : routers) {
                    Path p;
                    try {
                        p = r.route(from, to, t);
                    } catch (UnroutableException e) {
                        assertTrue(MINIMAL.contains(r.name()) && !minimalExists, r.name() + " " + from + " -> " + to + ": " + e.getMessage());
                        continue;
                    }
                    for (SatId s : p.satellites()) {
                        assertFalse(holes.contains(s), r.name() + " crosses the hole " + s + ": " + p.satellites());
                    }
                    if (MINIMAL.contains(r.name()) && !options.protection().enabled()) {
                        assertTrue(minimalExists, r.name() + " " + from + " -> " + to);
                        assertEquals(Math.abs(SHELL.torus().satSteps(from, to)) + Math.abs(SHELL.torus().orbSteps(from, to)), p.hopCount(),
                                r.name() + " keeps the hop count: " + p.satellites());
                    }
                }
                if (!minimalExists) {
                    blocked++;
                }
            }
        }
        assertTrue(blocked > 10, "the sample holds pairs the holes cut off: " + blocked);
    }

    /** Brute force: some minimal-hop walk from {@code a} to {@code b} (either way round at a half-way tie) avoids {@code holes}. */
    private static boolean minimalPathAvoiding(Torus torus, Set<SatId> holes, SatId a, SatId b) {
        int s = torus.satSteps(a, b);
        int o = torus.orbSteps(a, b);
        for (int ss : tie(s, torus.satsPerPlane())) {
            for (int oo : tie(o, torus.planes())) {
                if (walk(torus, holes, a, b, ss, oo)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] tie(int steps, int ring) {
        return ring % 2 == 0 && Math.abs(steps) == ring / 2 ? new int[] {steps, -steps} : new int[] {steps};
    }

    private static boolean walk(Torus torus, Set<SatId> holes, SatId at, SatId to, int satSteps, int orbSteps) {
        if (holes.contains(at)) {
            return false;
        }
        if (satSteps == 0 && orbSteps == 0) {
            return at.equals(to);
        }
        if (satSteps != 0 && walk(torus, holes, torus.neighbour(at, Direction.inPlane(satSteps)), to,
                satSteps - Integer.signum(satSteps), orbSteps)) {
            return true;
        }
        return orbSteps != 0 && walk(torus, holes, torus.neighbour(at, Direction.crossPlane(orbSteps)), to, satSteps,
                orbSteps - Integer.signum(orbSteps));
    }
}
