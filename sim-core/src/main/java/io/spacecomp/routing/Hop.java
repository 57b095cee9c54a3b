package io.spacecomp.routing;

import io.spacecomp.orbit.shell.Direction;
import io.spacecomp.orbit.shell.SatId;

/**
 * One ISL hop of a path.
 *
 * @param from        sending satellite
 * @param to          receiving satellite (a +Grid neighbour of {@code from})
 * @param direction   the link taken
 * @param lengthKm    link length at the moment the hop is taken (km)
 * @param departureS  when the hop is taken (s since the constellation epoch)
 */
public record Hop(SatId from, SatId to, Direction direction, double lengthKm, double departureS) {
}
