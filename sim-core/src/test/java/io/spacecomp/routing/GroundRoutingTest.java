package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.Visibility;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundRoutingTest {

    private static final double C_KM_S = 299_792.458;

    @Test
    void shortestThroughAnyVisibleSatelliteIsNeverLongerThanThroughLineOfSight() {
        WalkerShell shell = WalkerShell.of(40, 40, 53, 550);
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        GroundStation newYork = new GroundStation("New York", 40.71, -74.01, 0, 25);
        GroundStation london = new GroundStation("London", 51.51, -0.13, 0, 25);
        RouteOptions o = RouteOptions.DEFAULT;
        Router shortest = new ShortestPathRouter(g, o);
        int compared = 0;
        for (double t = 0; t < 3000; t += 100) {
            Optional<GroundPath> viaLos = GroundRouting.viaLineOfSight(shortest, g, newYork, london, t);
            Optional<GroundPath> best = GroundRouting.shortest(g, o, newYork, london, t);
            assertEquals(viaLos.isPresent(), best.isPresent(), "both see satellites or neither at t = " + t);
            if (best.isEmpty()) {
                continue;
            }
            compared++;
            GroundPath p = best.get();
            assertTrue(p.distanceKm() <= viaLos.get().distanceKm() + 1e-6, "t = " + t);
            // Never shorter than the straight line between the stations (through the Earth).
            double chord = p.from().positionEarthFixedKm(6371).distance(p.to().positionEarthFixedKm(6371));
            assertTrue(p.distanceKm() > chord);
            // Uplink and downlink are above the minimum elevation, and latency is distance / c.
            assertTrue(p.uplink().elevationDeg() >= 25 && p.downlink().elevationDeg() >= 25);
            assertEquals(p.uplink().elevationDeg(),
                    Visibility.elevationDeg(newYork.positionEarthFixedKm(6371), g.positionEarthFixedKm(p.uplink().sat(), t)), 1e-9);
            assertEquals(p.distanceKm() / C_KM_S, p.oneWayDelayS(), 1e-9);
            assertEquals(p.isl().source(), p.uplink().sat());
            assertEquals(p.isl().destination(), p.downlink().sat());
        }
        assertTrue(compared > 20, "a 1,600-satellite 53° shell covers both cities most of the time: " + compared);
    }
}
