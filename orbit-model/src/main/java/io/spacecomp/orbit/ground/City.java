package io.spacecomp.orbit.ground;

/**
 * A city from the shipped list of cities of more than one million people.
 *
 * @param name       city name (UTF-8)
 * @param country    ISO 3166-1 alpha-2 country code
 * @param latDeg     latitude (degrees)
 * @param lonDeg     longitude (degrees)
 * @param population population
 */
public record City(String name, String country, double latDeg, double lonDeg, long population) {

    /** This city as a ground station at sea level with the given minimum elevation. */
    public GroundStation asStation(double minElevationDeg) {
        return new GroundStation(name, latDeg, lonDeg, 0.0, minElevationDeg);
    }
}
