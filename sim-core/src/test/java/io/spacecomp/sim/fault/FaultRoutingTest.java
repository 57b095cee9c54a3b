package io.spacecomp.sim.fault;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.Hop;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.routing.UnroutableException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routers that see the fault state: around down satellites and links, or unreachable with the reason. */
class FaultRoutingTest {

    private static final WalkerShell SHELL = WalkerShell.paperDefault(11, 11);
    private static final CircularOrbitGeometry GEOMETRY = new CircularOrbitGeometry(SHELL);

    private static Router router(String name, FaultState state) {
        return Routers.byName(name, GEOMETRY, RouteOptions.DEFAULT, state);
    }

    private static boolean visits(Path p, SatId s) {
        return p.hops().stream().anyMatch(h -> h.to().equals(s) || h.from().equals(s));
    }

    @Test
    void everyRouterTakesAnotherMinimalPathAroundADownSatellite() {
        SatId from = new SatId(3, 3);
        SatId to = new SatId(5, 5);
        for (String name : Routers.NAMES) {
            FaultState state = new FaultState(SHELL.torus());
            Path free = router(name, state).route(from, to, 100.0);
            SatId blocked = free.hops().get(0).to();
            state.satellite(blocked, true);
            Path around = router(name, state).route(from, to, 100.0);
            assertEquals(4, around.hopCount(), name);
            assertFalse(visits(around, blocked), name + " passes the down satellite " + blocked);
        }
    }

    @Test
    void minimalHopRoutersSayUnreachableWhenFaultsBlockEveryMinimalPathAndShortestGoesAround() {
        SatId from = new SatId(3, 3);
        SatId to = new SatId(6, 3); // the same plane: one minimal path only
        FaultState state = new FaultState(SHELL.torus());
        state.link(new SatId(4, 3), new SatId(5, 3), true);
        for (String name : java.util.List.of("manhattan", "distance-aware", "optimal")) {
            UnroutableException e = assertThrows(UnroutableException.class, () -> router(name, state).route(from, to, 0.0));
            assertTrue(e.getMessage().contains("every minimal-hop path crosses a down satellite or link"), e.getMessage());
        }
        Path detour = router("shortest", state).route(from, to, 0.0);
        assertEquals(5, detour.hopCount());
        for (Hop h : detour.hops()) {
            boolean cut = (h.from().equals(new SatId(4, 3)) && h.to().equals(new SatId(5, 3)))
                    || (h.from().equals(new SatId(5, 3)) && h.to().equals(new SatId(4, 3)));
            assertFalse(cut, "the shortest path crossed the down link");
        }
        state.link(new SatId(4, 3), new SatId(5, 3), false);
        assertEquals(3, router("manhattan", state).route(from, to, 0.0).hopCount(), "the link is back");
        assertFalse(state.anyDown());
    }

    @Test
    void aDownDestinationIsUnreachableForEveryRouter() {
        FaultState state = new FaultState(SHELL.torus());
        SatId to = new SatId(7, 7);
        state.satellite(to, true);
        for (String name : Routers.NAMES) {
            UnroutableException e = assertThrows(UnroutableException.class,
                    () -> router(name, state).route(new SatId(1, 1), to, 0.0));
            assertTrue(e.getMessage().contains("satellite (7,7) is down"), name + ": " + e.getMessage());
        }
    }

    @Test
    void overlappingOutagesEndOneByOne() {
        FaultState state = new FaultState(SHELL.torus());
        SatId s = new SatId(2, 2);
        state.satellite(s, true);
        state.satellite(s, true);
        state.satellite(s, false);
        assertFalse(state.satelliteUp(s), "one outage still holds it");
        state.satellite(s, false);
        assertTrue(state.satelliteUp(s));
        assertThrows(IllegalStateException.class, () -> state.satellite(s, false));
        assertThrows(IllegalArgumentException.class, () -> state.link(new SatId(1, 1), new SatId(3, 3), true));
    }
}
