package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.Visibility;
import io.spacecomp.orbit.link.LinkBudget;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.routing.GroundRouting;
import io.spacecomp.routing.GroundRtt;
import io.spacecomp.routing.PathToGround;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.RttTiming;
import io.spacecomp.scenario.StationSpec;

import java.util.Optional;

/**
 * A job's two ground legs, around the job the coordinator runs in orbit: its request goes up from the station
 * to the line-of-sight satellite, and its result comes back down to the station.
 *
 * <p>Up: the slant range station → LOS at the job's time {@code t0}. Down, as {@code ground_stations.snapshot}
 * says ({@link StationSpec#timing()}):
 * <ul>
 *   <li>{@link RttTiming#TIME_DEPENDENT} (the default): the result leaves the LOS satellite when the job ends,
 *       {@code t0 + job time}, over the shortest way down from where the constellation is then: straight down if
 *       the station can still use that satellite and nothing is shorter, else over ISLs to one it can use.</li>
 *   <li>{@link RttTiming#SNAPSHOT}: the constellation is frozen at {@code t0}, as snapshot simulators take
 *       both legs: the shortest way down from the LOS at {@code t0}, which is the way up again.</li>
 * </ul>
 *
 * @param uplinkS   station → LOS propagation (s)
 * @param downlinkS LOS → station: ISL hops and the last downlink (s)
 */
public record GroundLegs(double uplinkS, double downlinkS) {

    /** From the request leaving the station to the result on the ground (s). */
    public double groundTimeS(double jobTimeS) {
        return uplinkS + jobTimeS + downlinkS;
    }

    /**
     * The legs of a job submitted from {@code station} to {@code los} at {@code t0} that took {@code jobTimeS};
     * empty when the result finds no way down (no satellite the station can use then, or none reachable).
     *
     * @param routing the scenario's routing options (per-hop overhead, polar protection) for the ISL hops down
     */
    public static Optional<GroundLegs> of(ConstellationGeometry geometry, RouteOptions routing, StationSpec stations,
                                          GroundStation station, SatId los, double t0, double jobTimeS) {
        double upKm = Visibility.site(geometry, station).rangeKm(geometry.positionEarthFixedKm(los, t0));
        boolean snapshot = stations.timing() == RttTiming.SNAPSHOT;
        ConstellationGeometry g = snapshot ? GroundRtt.frozen(geometry, t0) : geometry;
        double leaveS = snapshot ? t0 : t0 + jobTimeS;
        Optional<PathToGround> down = GroundRouting.toGround(g, routing, stations.link(station), los, station, leaveS);
        return down.map(d -> new GroundLegs(LinkBudget.propagationDelayS(upKm), d.delayS()));
    }
}
