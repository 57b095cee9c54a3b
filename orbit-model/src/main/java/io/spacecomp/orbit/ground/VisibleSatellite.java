package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.shell.SatId;

/** A satellite seen from a ground station: its elevation (degrees) and slant range (km). */
public record VisibleSatellite(SatId sat, double elevationDeg, double rangeKm) {
}
