package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.geometry.GeoPoint;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundStationTest {

    private static void assertRejects(String field, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }

    @Test
    void validationNamesTheField() {
        assertRejects("name", () -> new GroundStation(null, 0, 0, 0, 25));
        assertRejects("name", () -> new GroundStation("  ", 0, 0, 0, 25));
        assertRejects("latitude", () -> new GroundStation("x", 91, 0, 0, 25));
        assertRejects("latitude", () -> new GroundStation("x", Double.NaN, 0, 0, 25));
        assertRejects("longitude", () -> new GroundStation("x", 0, -181, 0, 25));
        assertRejects("altitudeM", () -> new GroundStation("x", 0, 0, -501, 25));
        assertRejects("altitudeM", () -> new GroundStation("x", 0, 0, 100_001, 25));
        assertRejects("altitudeM", () -> new GroundStation("x", 0, 0, Double.NaN, 25));
        assertRejects("minElevationDeg", () -> new GroundStation("x", 0, 0, 0, -0.1));
        assertRejects("minElevationDeg", () -> new GroundStation("x", 0, 0, 0, 90.1));
        assertRejects("minElevationDeg", () -> new GroundStation("x", 0, 0, 0, Double.NaN));
        new GroundStation("edge", -90, 180, -500, 0);
        new GroundStation("edge", 90, -180, 100_000, 90);
    }

    @Test
    void earthFixedPositionOnASphere() {
        Vector3D a = new GroundStation("a", 0, 0, 0, 25).positionEarthFixedKm(6371.0);
        assertEquals(0.0, a.distance(new Vector3D(6371, 0, 0)), 1e-9);
        Vector3D b = new GroundStation("b", 0, 90, 1000, 25).positionEarthFixedKm(6371.0);   // 1 km up
        assertEquals(0.0, b.distance(new Vector3D(0, 6372, 0)), 1e-9);
        Vector3D c = new GroundStation("c", -90, 0, 0, 25).positionEarthFixedKm(6371.0);
        assertEquals(0.0, c.distance(new Vector3D(0, 0, -6371)), 1e-9);
        // 45°N 180°: (−r/√2, 0, r/√2)
        Vector3D d = new GroundStation("d", 45, 180, 0, 25).positionEarthFixedKm(1000.0);
        assertEquals(0.0, d.distance(new Vector3D(-1000 / Math.sqrt(2), 0, 1000 / Math.sqrt(2))), 1e-9);
        GeoPoint back = GeoPoint.ofEcef(new GroundStation("e", 37.5, -122.25, 0, 25).positionEarthFixedKm(6371.0));
        assertEquals(37.5, back.latDeg(), 1e-9);
        assertEquals(-122.25, back.lonDeg(), 1e-9);
    }

    @Test
    void factoriesKeepTheirArguments() {
        GroundStation s = GroundStation.at("NYC", new GeoPoint(40.7, -74.0), 30.0);
        assertEquals(new GroundStation("NYC", 40.7, -74.0, 0.0, 30.0), s);
        assertEquals(new GeoPoint(40.7, -74.0), s.location());
        City tokyo = new City("Tokyo", "JP", 35.6895, 139.69171, 8_336_599);
        assertEquals(new GroundStation("Tokyo", 35.6895, 139.69171, 0.0, GroundStation.DEFAULT_MIN_ELEVATION_DEG),
                tokyo.asStation(GroundStation.DEFAULT_MIN_ELEVATION_DEG));
        assertEquals(25.0, GroundStation.DEFAULT_MIN_ELEVATION_DEG);
    }
}
