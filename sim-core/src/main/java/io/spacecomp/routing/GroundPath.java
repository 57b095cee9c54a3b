package io.spacecomp.routing;

import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.VisibleSatellite;
import io.spacecomp.orbit.link.LinkBudget;

/**
 * A ground-to-ground path: up to a satellite the source station sees, across the ISL mesh, down from a
 * satellite the destination station sees.
 *
 * @param from     source station
 * @param to       destination station
 * @param uplink   the satellite the source talks to, with the slant range at departure
 * @param isl      the path through the mesh (leaves when the uplink arrives)
 * @param downlink the satellite the destination hears, with its slant range
 */
public record GroundPath(GroundStation from, GroundStation to, VisibleSatellite uplink, Path isl,
                         VisibleSatellite downlink) {

    /** Uplink + ISL + downlink length (km). */
    public double distanceKm() {
        return uplink.rangeKm() + isl.distanceKm() + downlink.rangeKm();
    }

    /** Time of the last bit's arrival on the ground (s). */
    public double arrivalS() {
        return isl.arrivalS() + LinkBudget.propagationDelayS(downlink.rangeKm());
    }

    /** One-way latency from leaving the source station to reaching the destination (s). */
    public double oneWayDelayS() {
        return arrivalS() - isl.departureS() + LinkBudget.propagationDelayS(uplink.rangeKm());
    }
}
