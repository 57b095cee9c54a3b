package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;
import io.spacecomp.orbit.aoi.AreaOfInterest;
import io.spacecomp.orbit.aoi.Pass;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A {@code /submit} area given as a latitude/longitude box instead of leopymr's grid indices:
 * {@code aoi_box: {lat_min, lat_max, lon_min, lon_max, pass}}. The job uses the satellites whose
 * sub-satellite point is inside the box when the gateway accepts it, moving north ({@code ascending}),
 * south ({@code descending}) or either ({@code any}, the default). {@code lon_min > lon_max} is a box
 * across the antimeridian.
 */
record AoiBox(AreaOfInterest area, Pass pass) {

    static final String FIELD = "aoi_box";
    private static final List<String> KEYS = List.of("lat_min", "lat_max", "lon_min", "lon_max", "pass");

    /** Reads and checks the box, naming the field at fault ({@code aoi_box.lat_min}, ...) and its range. */
    static AoiBox parse(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new WireException(FIELD, "must be an object {lat_min, lat_max, lon_min, lon_max[, pass]}, got " + Wire.brief(n));
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new WireException(FIELD + "." + (k.length() > 40 ? k.substring(0, 40) + "..." : k),
                        "is not a field of aoi_box (allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        double latMin = degrees(n, "lat_min", 90);
        double latMax = degrees(n, "lat_max", 90);
        double lonMin = degrees(n, "lon_min", 180);
        double lonMax = degrees(n, "lon_max", 180);
        if (latMax < latMin) {
            throw new WireException(FIELD + ".lat_max", "must be in [aoi_box.lat_min, 90] = [" + latMin + ", 90], got " + latMax);
        }
        Pass pass = Pass.ANY;
        if (n.hasNonNull("pass")) {
            JsonNode p = n.get("pass");
            String name = p.isTextual() ? p.textValue().toLowerCase(Locale.ROOT) : "";
            pass = switch (name) {
                case "any" -> Pass.ANY;
                case "ascending" -> Pass.ASCENDING;
                case "descending" -> Pass.DESCENDING;
                default -> throw new WireException(FIELD + ".pass", "must be one of ascending, descending, any; got " + Wire.brief(p));
            };
        }
        return new AoiBox(new AreaOfInterest(latMin, latMax, lonMin, lonMax), pass);
    }

    private static double degrees(JsonNode box, String key, double limit) {
        JsonNode v = box.get(key);
        String field = FIELD + "." + key;
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue()) || Math.abs(v.doubleValue()) > limit) {
            throw new WireException(field, "must be degrees in [" + (int) -limit + ", " + (int) limit + "], got " + Wire.brief(v));
        }
        return v.doubleValue();
    }
}
