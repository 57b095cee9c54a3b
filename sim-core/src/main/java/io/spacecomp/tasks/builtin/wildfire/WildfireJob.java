package io.spacecomp.tasks.builtin.wildfire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The wildfire tasks' {@code job_data}, checked. Keys (all optional but {@code aoi}, which synthetic tiles need):
 * <pre>
 * aoi:           {lat_min, lat_max, lon_min, lon_max}   the imaged box (deg)
 * seed:          scene seed (default 1)
 * pixel_m:       ground size of a pixel (default 375, VIIRS I-band)
 * tile_px:       tile side in pixels (default 128)
 * fires:         planted fires (default 12)
 * hot_surfaces:  sun-heated non-fire surfaces (default 8)
 * clouds:        cloud cells (default 6)
 * fire_area_m2:  [min, max] burning area of a planted fire, drawn log-uniformly (default [20, 20000])
 * cluster_m:     detections closer than this form one alert (default 1500)
 * tiles:         ["wildfire/a.tir", ...] TIR1 tile files in the data directory instead of synthetic ones
 * </pre>
 */
public record WildfireJob(double latMinDeg, double latMaxDeg, double lonMinDeg, double lonMaxDeg, long seed,
                          double pixelM, int tilePx, int fires, int hotSurfaces, int clouds, double fireAreaMinM2,
                          double fireAreaMaxM2, double clusterM, List<String> tileFiles) {

    public WildfireJob {
        tileFiles = List.copyOf(tileFiles);
    }

    public static WildfireJob of(JsonNode jobData) {
        if (jobData == null || !jobData.isObject()) {
            throw new IllegalArgumentException("job_data must be an object with the wildfire scene (aoi, seed, ...)");
        }
        List<String> files = new ArrayList<>();
        if (jobData.has("tiles")) {
            JsonNode t = jobData.get("tiles");
            if (!t.isArray() || t.isEmpty()) {
                throw new IllegalArgumentException("job_data.tiles must be a non-empty list of tile files");
            }
            t.forEach(n -> files.add(n.asText()));
        }
        JsonNode aoi = jobData.get("aoi");
        double latMin = 0;
        double latMax = 0;
        double lonMin = 0;
        double lonMax = 0;
        if (aoi != null) {
            latMin = number(aoi, "lat_min", -90, 90, Double.NaN);
            latMax = number(aoi, "lat_max", -90, 90, Double.NaN);
            lonMin = number(aoi, "lon_min", -180, 180, Double.NaN);
            lonMax = number(aoi, "lon_max", -180, 180, Double.NaN);
            if (!(latMin < latMax) || !(lonMin < lonMax) || Math.max(Math.abs(latMin), Math.abs(latMax)) > 80) {
                throw new IllegalArgumentException("job_data.aoi must have lat_min < lat_max within +-80 deg and lon_min < lon_max");
            }
        } else if (files.isEmpty()) {
            throw new IllegalArgumentException("job_data.aoi {lat_min, lat_max, lon_min, lon_max} is required for synthetic tiles");
        }
        double pixelM = number(jobData, "pixel_m", 10, 10_000, 375);
        int tilePx = (int) number(jobData, "tile_px", 16, 4096, 128);
        double areaMin = 20;
        double areaMax = 20_000;
        if (jobData.has("fire_area_m2")) {
            JsonNode a = jobData.get("fire_area_m2");
            if (!a.isArray() || a.size() != 2 || !a.get(0).isNumber() || !a.get(1).isNumber()
                    || !(a.get(0).asDouble() > 0) || !(a.get(1).asDouble() >= a.get(0).asDouble())) {
                throw new IllegalArgumentException("job_data.fire_area_m2 must be [min, max] with 0 < min <= max");
            }
            areaMin = a.get(0).asDouble();
            areaMax = a.get(1).asDouble();
        }
        long seed = jobData.has("seed") ? jobData.get("seed").asLong() : 1L;
        return new WildfireJob(latMin, latMax, lonMin, lonMax, seed, pixelM, tilePx,
                (int) number(jobData, "fires", 0, 1000, 12), (int) number(jobData, "hot_surfaces", 0, 1000, 8),
                (int) number(jobData, "clouds", 0, 1000, 6), areaMin, areaMax, number(jobData, "cluster_m", 0, 1e6, 1500), files);
    }

    private static double number(JsonNode o, String key, double min, double max, double dflt) {
        JsonNode v = o.get(key);
        if (v == null) {
            if (Double.isNaN(dflt)) {
                throw new IllegalArgumentException("job_data needs " + key);
            }
            return dflt;
        }
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw new IllegalArgumentException("job_data " + key + " must be a number in [" + min + ", " + max + "], got " + v);
        }
        return v.asDouble();
    }
}
