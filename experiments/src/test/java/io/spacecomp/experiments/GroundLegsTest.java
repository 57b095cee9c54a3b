package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundSite;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.Visibility;
import io.spacecomp.orbit.ground.VisibleSatellite;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.GroundRouting;
import io.spacecomp.routing.Hop;
import io.spacecomp.routing.PathToGround;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.RttTiming;
import io.spacecomp.scenario.StationSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job's ground legs, checked against slant ranges and link lengths computed here. */
class GroundLegsTest {

    private static final double C_KM_PER_S = 299_792.458;
    private static final WalkerShell SHELL = new WalkerShell(40, 40, 0, 53, 550, 6371);
    private static final CircularOrbitGeometry G = new CircularOrbitGeometry(SHELL);
    private static final GroundStation MADRID = new GroundStation("Madrid", 40.43, -3.70, 650, 25);

    private static StationSpec stations(RttTiming timing) {
        return new StationSpec(new StationSpec.Pool.Listed(List.of(MADRID)), 25, null, timing);
    }

    private static double rangeKm(SatId sat, double tS) {
        GroundSite site = Visibility.site(G, MADRID);
        return site.rangeKm(G.positionEarthFixedKm(sat, tS));
    }

    @Test
    void aSnapshotTakesTheWayDownAtTheJobsTimeTheWayUpAgainWhateverTheJobTook() {
        for (double t0 = 0; t0 < 6000; t0 += 500) {
            VisibleSatellite los = Visibility.lineOfSight(G, MADRID, t0).orElseThrow();
            GroundLegs legs = GroundLegs.of(G, RouteOptions.DEFAULT, stations(RttTiming.SNAPSHOT), MADRID, los.sat(), t0, 900.0)
                    .orElseThrow();
            assertEquals(rangeKm(los.sat(), t0) / C_KM_PER_S, legs.uplinkS(), 1e-12);
            // straight down is never longer than a detour over ISLs (triangle inequality)
            assertEquals(legs.uplinkS(), legs.downlinkS(), 1e-12);
            assertEquals(900.0 + 2 * legs.uplinkS(), legs.groundTimeS(900.0), 1e-9);
        }
    }

    @Test
    void withTimeTheResultGoesDownFromWhereTheConstellationIsWhenItIsReady() {
        int straight = 0;
        int overIsls = 0;
        for (double t0 = 0; t0 < 6000; t0 += 250) {
            SatId los = Visibility.lineOfSight(G, MADRID, t0).orElseThrow().sat();
            for (double job : new double[] {1.0, 60.0, 400.0, 900.0}) {
                double tR = t0 + job;
                GroundLegs legs = GroundLegs.of(G, RouteOptions.DEFAULT, stations(RttTiming.TIME_DEPENDENT), MADRID, los, t0, job)
                        .orElseThrow();
                assertEquals(rangeKm(los, t0) / C_KM_PER_S, legs.uplinkS(), 1e-12);
                double direct = rangeKm(los, tR) / C_KM_PER_S;
                boolean losUsable = Visibility.visible(G, MADRID, tR).stream().anyMatch(v -> v.sat().equals(los));
                if (losUsable) {
                    assertEquals(direct, legs.downlinkS(), 1e-12, "straight down from " + los + " at " + tR);
                    straight++;
                } else {
                    PathToGround p = GroundRouting.toGround(G, RouteOptions.DEFAULT, GroundLinkModel.of(MADRID), los, MADRID, tR)
                            .orElseThrow();
                    assertTrue(p.isl().hopCount() >= 1, "the LOS has set: ISL hops first");
                    double km = 0;
                    double t = tR;
                    for (Hop h : p.isl().hops()) {
                        double len = G.linkLengthKm(h.from(), h.to(), t);
                        assertEquals(len, h.lengthKm(), 1e-9);
                        km += len;
                        t += len / C_KM_PER_S;
                    }
                    SatId exit = p.isl().destination();
                    assertTrue(Visibility.visible(G, MADRID, tR).stream().anyMatch(v -> v.sat().equals(exit)), exit + " is usable");
                    assertEquals((km + rangeKm(exit, tR)) / C_KM_PER_S, legs.downlinkS(), 1e-9);
                    assertTrue(legs.downlinkS() > direct - 1e-12, "never shorter than the straight line");
                    overIsls++;
                }
            }
        }
        assertTrue(straight > 10 && overIsls > 10, "both cases met: " + straight + " straight, " + overIsls + " over ISLs");
    }

    @Test
    void noUsableSatelliteThenIsNoWayDown() {
        GroundStation pole = new GroundStation("Pole", 89.9, 0, 0, 25); // a 53° shell never rises above 25° there
        SatId any = new SatId(1, 1);
        assertFalse(GroundLegs.of(G, RouteOptions.DEFAULT, stations(RttTiming.TIME_DEPENDENT), pole, any, 0, 10).isPresent());
    }
}
