package io.spacecomp.orbit.geometry;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoPointTest {

    @ParameterizedTest
    @ValueSource(doubles = {-90.0001, 90.0001, 180.0, Double.NaN, Double.POSITIVE_INFINITY})
    void badLatitudeIsRejectedNamingIt(double lat) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GeoPoint(lat, 0.0));
        assertTrue(e.getMessage().startsWith("latitude"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-180.0001, 180.0001, 360.0, Double.NaN, Double.NEGATIVE_INFINITY})
    void badLongitudeIsRejectedNamingIt(double lon) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0.0, lon));
        assertTrue(e.getMessage().startsWith("longitude"), e.getMessage());
    }

    @Test
    void boundsAreInclusive() {
        assertEquals(90.0, new GeoPoint(90.0, 180.0).latDeg());
        assertEquals(-180.0, new GeoPoint(-90.0, -180.0).lonDeg());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "190,-170", "-190,170", "180,-180", "-180,-180", "540,-180", "360,0", "-360,0",
            "179.5,179.5", "-179.5,-179.5", "725,5", "-725,-5"})
    void normalizeLonWrapsIntoHalfOpenRange(double in, double out) {
        assertEquals(out, GeoPoint.normalizeLonDeg(in), 1e-9);
    }

    @Test
    void parseReadsLatCommaLon() {
        assertEquals(new GeoPoint(40.7, -74.0), GeoPoint.parse("40.7,-74.0"));
        assertEquals(new GeoPoint(-33.87, 151.21), GeoPoint.parse(" -33.87 , 151.21 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "40.7", "40.7,", "1,2,3", "north,west", "40.7;-74"})
    void parseRejectsMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeoPoint.parse(text));
        assertTrue(e.getMessage().contains("LAT,LON"), e.getMessage());
    }

    @Test
    void parseRejectsOutOfRangeValuesNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeoPoint.parse("91,0"))
                .getMessage().startsWith("latitude"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeoPoint.parse("0,-181"))
                .getMessage().startsWith("longitude"));
    }

    @Test
    void ofEcefGivesGeocentricLatLon() {
        GeoPoint p = GeoPoint.ofEcef(new Vector3D(1.0, 1.0, Math.sqrt(2.0)));   // 45° up, 45° east
        assertEquals(45.0, p.latDeg(), 1e-12);
        assertEquals(45.0, p.lonDeg(), 1e-12);
        GeoPoint q = GeoPoint.ofEcef(new Vector3D(-1.0, -1e-12, 0.0));          // just west of 180°
        assertEquals(0.0, q.latDeg(), 1e-12);
        assertEquals(-180.0, q.lonDeg(), 1e-9);
        assertEquals(-90.0, GeoPoint.ofEcef(new Vector3D(0.0, 0.0, -7000.0)).latDeg(), 0.0);
        GeoPoint r = GeoPoint.ofEcef(new Vector3D(0.0, -3.0, 0.0));
        assertEquals(-90.0, r.lonDeg(), 1e-12);
    }
}
