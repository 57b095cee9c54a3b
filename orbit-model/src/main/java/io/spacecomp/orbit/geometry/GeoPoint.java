package io.spacecomp.orbit.geometry;

/**
 * A point on the Earth's surface: latitude (degrees, −90..90) and longitude (degrees, −180..180).
 * Latitudes from the analytic model are geocentric (spherical Earth).
 */
public record GeoPoint(double latDeg, double lonDeg) {

    public GeoPoint {
        if (!(latDeg >= -90.0 && latDeg <= 90.0)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90] degrees, got " + latDeg);
        }
        if (!(lonDeg >= -180.0 && lonDeg <= 180.0)) {
            throw new IllegalArgumentException("longitude must be in [-180, 180] degrees, got " + lonDeg);
        }
    }

    /** Wraps any longitude (degrees) into [-180, 180). */
    public static double normalizeLonDeg(double lonDeg) {
        double l = ((lonDeg + 180.0) % 360.0 + 360.0) % 360.0 - 180.0;
        return l == 180.0 ? -180.0 : l;
    }

    /** Parses "lat,lon" in degrees. */
    public static GeoPoint parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a location is written LAT,LON in degrees (e.g. 40.7,-74.0), got '" + text + "'");
        }
        try {
            return new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a location is written LAT,LON in degrees (e.g. 40.7,-74.0), got '" + text + "'");
        }
    }

    /** Geocentric sub-point of an Earth-fixed position (km). */
    public static GeoPoint ofEcef(org.hipparchus.geometry.euclidean.threed.Vector3D ecefKm) {
        double lat = Math.toDegrees(Math.asin(ecefKm.getZ() / ecefKm.getNorm()));
        double lon = GeoPoint.normalizeLonDeg(Math.toDegrees(Math.atan2(ecefKm.getY(), ecefKm.getX())));
        return new GeoPoint(lat, lon);
    }
}
