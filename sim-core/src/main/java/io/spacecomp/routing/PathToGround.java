package io.spacecomp.routing;

import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.VisibleSatellite;
import io.spacecomp.orbit.link.LinkBudget;

/**
 * From a satellite down to a ground station: across the ISL mesh (no hop when the satellite itself is the
 * exit), then down from a satellite the station can use.
 *
 * @param to       the station
 * @param isl      the path through the mesh, from the satellite that holds the data
 * @param downlink the satellite the station hears, with its slant range when the path left
 */
public record PathToGround(GroundStation to, Path isl, VisibleSatellite downlink) {

    /** ISL + downlink length (km). */
    public double distanceKm() {
        return isl.distanceKm() + downlink.rangeKm();
    }

    /** Time of the last bit's arrival on the ground (s). */
    public double arrivalS() {
        return isl.arrivalS() + LinkBudget.propagationDelayS(downlink.rangeKm());
    }

    /** From leaving the satellite to reaching the station (s). */
    public double delayS() {
        return arrivalS() - isl.departureS();
    }
}
