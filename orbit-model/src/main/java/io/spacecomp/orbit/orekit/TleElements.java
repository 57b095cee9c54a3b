package io.spacecomp.orbit.orekit;

/**
 * What the grouping of a TLE catalogue reads from one satellite, at the catalogue's epoch.
 *
 * @param satellite      the element set
 * @param inclinationDeg mean inclination of the TLE (degrees)
 * @param altitudeKm     mean semi-major axis from the TLE mean motion, minus the WGS84 equatorial radius (km)
 * @param raanDeg        right ascension of the ascending node in TEME at the catalogue epoch, SGP4 osculating (degrees, [0, 360))
 * @param argLatDeg      argument of latitude (ω + true anomaly) at the catalogue epoch, SGP4 osculating (degrees, [0, 360))
 */
public record TleElements(TleSatellite satellite, double inclinationDeg, double altitudeKm, double raanDeg,
                          double argLatDeg) {
}
