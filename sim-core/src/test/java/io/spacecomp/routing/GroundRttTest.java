package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundRttTest {

    private static final double C_KM_S = 299_792.458;
    private static final WalkerShell SHELL = WalkerShell.of(40, 40, 53, 550);
    private static final CircularOrbitGeometry G = new CircularOrbitGeometry(SHELL);
    private static final GroundStation NEW_YORK = new GroundStation("New York", 40.71, -74.01, 0, 25);
    private static final GroundStation LONDON = new GroundStation("London", 51.51, -0.13, 0, 25);

    @Test
    void timeDependentRoundTripIsThereThenBackWhenTheRequestArrives() {
        for (double t = 0; t < 2000; t += 250) {
            Optional<GroundRtt.RoundTrip> trip = GroundRtt.measure(G, RouteOptions.DEFAULT, GroundLinkModel.of(NEW_YORK),
                    NEW_YORK, LONDON, t, RttTiming.TIME_DEPENDENT);
            Optional<GroundPath> there = GroundRouting.shortest(G, RouteOptions.DEFAULT, NEW_YORK, LONDON, t);
            assertEquals(there.isPresent(), trip.isPresent());
            if (trip.isEmpty()) {
                continue;
            }
            GroundPath back = GroundRouting.shortest(G, RouteOptions.DEFAULT, LONDON, NEW_YORK, t + there.get().oneWayDelayS()).orElseThrow();
            assertEquals(there.get().oneWayDelayS() + back.oneWayDelayS(), trip.get().rttS(), 1e-15);
        }
    }

    @Test
    void snapshotRoundTripIsTwiceTheFrozenOneWayDistance() {
        int compared = 0;
        for (double t = 0; t < 3000; t += 100) {
            Optional<GroundRtt.RoundTrip> trip = GroundRtt.measure(G, RouteOptions.DEFAULT, new GroundLinkModel.ElevationMask(25),
                    NEW_YORK, LONDON, t, RttTiming.SNAPSHOT);
            if (trip.isEmpty()) {
                continue;
            }
            compared++;
            GroundPath there = trip.get().there();
            GroundPath back = trip.get().back();
            assertEquals(there.distanceKm(), back.distanceKm(), 1e-6, "a frozen graph is symmetric");
            assertEquals(2 * there.distanceKm() / C_KM_S, trip.get().rttS(), 1e-12);
            // every length is the one at t: recompute the path from positions at t
            double km = 0;
            SatId prev = null;
            for (SatId s : there.isl().satellites()) {
                if (prev != null) {
                    km += Vector3D.distance(G.positionInertialKm(prev, t), G.positionInertialKm(s, t));
                }
                prev = s;
            }
            assertEquals(km, there.isl().distanceKm(), 1e-6);
        }
        assertTrue(compared > 20, "compared " + compared);
    }

    @Test
    void rangeConeUsesExactlyTheSatellitesInRange() {
        GroundLinkModel cone = new GroundLinkModel.RangeCone(1200);
        for (double t = 0; t < 2000; t += 400) {
            Optional<GroundRtt.RoundTrip> trip = GroundRtt.measure(G, RouteOptions.DEFAULT, cone, NEW_YORK, LONDON, t,
                    RttTiming.SNAPSHOT);
            if (trip.isEmpty()) {
                continue;
            }
            assertTrue(trip.get().there().uplink().rangeKm() <= 1200);
            assertTrue(trip.get().there().downlink().rangeKm() <= 1200);
            Vector3D ny = NEW_YORK.positionEarthFixedKm(SHELL.earthRadiusKm());
            assertEquals(Vector3D.distance(ny, G.positionEarthFixedKm(trip.get().there().uplink().sat(), t)),
                    trip.get().there().uplink().rangeKm(), 1e-9);
        }
    }

    @Test
    void satellitesThatAreDownAreNeitherUsedFromTheGroundNorCrossed() {
        GroundPath full = GroundRouting.shortest(G, RouteOptions.DEFAULT, NEW_YORK, LONDON, 0.0).orElseThrow();
        Set<SatId> down = new HashSet<>(full.isl().satellites()); // knock out the whole best path
        HoleyGeometry holey = new HoleyGeometry(G, down);
        GroundPath detour = GroundRouting.shortest(holey, RouteOptions.DEFAULT, NEW_YORK, LONDON, 0.0).orElseThrow();
        for (SatId s : detour.isl().satellites()) {
            assertTrue(!down.contains(s), s + " is down");
        }
        assertTrue(detour.distanceKm() >= full.distanceKm());
        Path p = new ShortestPathRouter(holey, RouteOptions.DEFAULT).route(new SatId(1, 1), new SatId(20, 20), 0.0);
        p.satellites().forEach(s -> assertTrue(!down.contains(s)));
    }
}
