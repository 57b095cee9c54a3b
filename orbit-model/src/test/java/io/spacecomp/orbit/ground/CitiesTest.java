package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.aoi.AreaOfInterest;
import io.spacecomp.orbit.geometry.GeoPoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CitiesTest {

    private static City named(String name, String country) {
        return Cities.load().stream().filter(c -> c.name().equals(name) && c.country().equals(country)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " (" + country + ") is not in the list"));
    }

    private static void assertAt(City c, double lat, double lon) {
        assertEquals(lat, c.latDeg(), 0.5, c.name() + " latitude");
        assertEquals(lon, c.lonDeg(), 0.5, c.name() + " longitude");
    }

    @Test
    void shipsSeveralHundredMillionCities() {
        List<City> all = Cities.load();
        assertTrue(all.size() >= 450 && all.size() <= 650, "size " + all.size());
        for (City c : all) {
            assertTrue(c.population() > 1_000_000L, c::toString);
            assertTrue(c.country().matches("[A-Z]{2}"), c::toString);
            assertFalse(c.name().isBlank());
            new GeoPoint(c.latDeg(), c.lonDeg());
        }
        assertEquals(all, Cities.withPopulationAbove(1_000_000L));
    }

    @Test
    void isSortedByPopulationThenName() {
        List<City> all = Cities.load();
        for (int i = 1; i < all.size(); i++) {
            City a = all.get(i - 1);
            City b = all.get(i);
            assertTrue(a.population() > b.population()
                    || (a.population() == b.population() && a.name().compareTo(b.name()) <= 0), a + " before " + b);
        }
        // no city listed twice at the same place
        Set<String> keys = new HashSet<>();
        for (City c : all) {
            assertTrue(keys.add(c.name() + "|" + c.country() + "|" + c.latDeg() + "|" + c.lonDeg()), c::toString);
        }
    }

    @Test
    void isCachedAndImmutable() {
        assertSame(Cities.load(), Cities.load());
        City any = Cities.load().get(0);
        assertThrows(UnsupportedOperationException.class, () -> Cities.load().add(any));
        assertThrows(UnsupportedOperationException.class, () -> Cities.load().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> Cities.withPopulationAbove(5_000_000).clear());
    }

    @Test
    void knownCitiesHaveTheRightCoordinates() {
        assertAt(named("New York City", "US"), 40.71, -74.01);
        assertAt(named("Los Angeles", "US"), 34.05, -118.24);
        assertAt(named("Chicago", "US"), 41.88, -87.63);
        assertAt(named("Tokyo", "JP"), 35.69, 139.69);
        assertAt(named("London", "GB"), 51.51, -0.13);
        assertAt(named("Sydney", "AU"), -33.87, 151.21);
        assertAt(named("São Paulo", "BR"), -23.55, -46.63);   // non-ASCII names survive UTF-8
        assertAt(named("Delhi", "IN"), 28.65, 77.23);
        assertTrue(named("New York City", "US").population() > 8_000_000L);
    }

    @Test
    void everyUsCityOfAMillionIsInTheContinentalUs() {
        // No US city above a million lies in Alaska or Hawaii, so the CONUS box of SPEC §9 holds them all.
        List<City> us = Cities.load().stream().filter(c -> c.country().equals("US")).toList();
        assertTrue(us.size() >= 9, us::toString);
        for (City c : us) {
            assertTrue(AreaOfInterest.CONTINENTAL_US.contains(new GeoPoint(c.latDeg(), c.lonDeg())), c::toString);
        }
        assertFalse(AreaOfInterest.CONTINENTAL_US.contains(new GeoPoint(named("London", "GB").latDeg(),
                named("London", "GB").lonDeg())));
    }

    @Test
    void withPopulationAboveIsAStrictThresholdKeepingOrder() {
        List<City> big = Cities.withPopulationAbove(10_000_000L);
        assertFalse(big.isEmpty());
        assertTrue(big.size() < Cities.load().size());
        assertEquals(Cities.load().subList(0, big.size()), big);
        big.forEach(c -> assertTrue(c.population() > 10_000_000L));
        assertTrue(Cities.load().get(big.size()).population() <= 10_000_000L);
        long top = Cities.load().get(0).population();
        assertEquals(List.of(), Cities.withPopulationAbove(top));
        assertEquals(1, Cities.withPopulationAbove(top - 1).size());
        assertEquals(Cities.load(), Cities.withPopulationAbove(0));
    }

    @Test
    void resourceStartsWithSourceAndLicence() throws IOException {
        try (InputStream in = Cities.class.getResourceAsStream(Cities.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String first = text.lines().findFirst().orElseThrow();
            assertTrue(first.startsWith("#") && first.contains("GeoNames") && first.contains("CC BY 4.0"), first);
            assertEquals("name,country,lat,lon,population", text.lines().skip(1).findFirst().orElseThrow());
        }
    }

    // ------------------------------------------------------------------ parser

    @Test
    void parsesCommentsQuotesAndBlankLines() throws IOException {
        String csv = "\uFEFF# a comment\n\nname,country,lat,lon,population\n"
                + "\"Washington, D.C.\",US,38.9,-77.04,2000000\r\n"
                + "\"The \"\"Big\"\" One\",XX,-1.5,179.9,5\n";
        List<City> cities = Cities.parse(new StringReader(csv), "test");
        assertEquals(List.of(new City("Washington, D.C.", "US", 38.9, -77.04, 2_000_000L),
                new City("The \"Big\" One", "XX", -1.5, 179.9, 5L)), cities);
    }

    private static String parseError(String body) {
        return assertThrows(IllegalArgumentException.class,
                () -> Cities.parse(new StringReader("name,country,lat,lon,population\n" + body), "t.csv")).getMessage();
    }

    @Test
    void parseErrorsNameLineAndField() {
        assertTrue(parseError("A,US,1,2\n").startsWith("t.csv:2: expected 5 fields"));
        assertTrue(parseError("A,US,1,2,3\nB,us,1,2,3\n").startsWith("t.csv:3: country"));
        assertTrue(parseError("A,US,north,2,3\n").startsWith("t.csv:2: lat must be a number"));
        assertTrue(parseError("A,US,1,east,3\n").startsWith("t.csv:2: lon must be a number"));
        assertTrue(parseError("A,US,91,2,3\n").startsWith("t.csv:2: latitude"));
        assertTrue(parseError("A,US,1,200,3\n").startsWith("t.csv:2: longitude"));
        assertTrue(parseError("A,US,1,2,many\n").startsWith("t.csv:2: population must be an integer"));
        assertTrue(parseError("A,US,1,2,-3\n").startsWith("t.csv:2: population must be >= 0"));
        assertTrue(parseError(" ,US,1,2,3\n").startsWith("t.csv:2: name"));
        assertTrue(parseError("\"A,US,1,2,3\n").contains("unterminated"));
        String noHeader = assertThrows(IllegalArgumentException.class,
                () -> Cities.parse(new StringReader("# only a comment\n"), "x")).getMessage();
        assertTrue(noHeader.contains("no header"), noHeader);
        String badHeader = assertThrows(IllegalArgumentException.class,
                () -> Cities.parse(new StringReader("city,cc,lat,lng,pop\n"), "x")).getMessage();
        assertTrue(badHeader.startsWith("x:1: expected header"), badHeader);
    }
}
