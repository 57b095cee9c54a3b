package io.spacecomp.tasks.builtin.wildfire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Attachment;
import io.spacecomp.tasks.FoldingReducer;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.TaskCost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code firealerts}: clusters the detections of every tile and satellite into alerts and returns them as the
 * file {@value #FILE}, an RFC 7946 GeoJSON FeatureCollection with one Point Feature ([lon, lat]) per alert.
 * Detections closer than {@code job_data.cluster_m} (default 1500 m) join one alert (single linkage, so a fire
 * seen in two adjacent tiles is one alert). The result value is
 * {@code {alerts, detections, tiles, bytes_collected, files: ["alerts.geojson"]}}; {@code bytes_collected} is
 * the sum of the tiles' attachment bytes the mappers saw; the file repeats it in a foreign member
 * {@code spacecomp: {tiles, detections, bytes_collected}} (the live gateway's {@code /completion} lists only
 * the file of a file result). Order of arrival does not matter: detections are
 * sorted before clustering, so the file is the same bytes in simulation and emulation. Batches are folded in as
 * they arrive: only their detections are kept until the last one.
 */
public final class FireAlertsReducer implements FoldingReducer, TaskCost {

    public static final String FILE = "alerts.geojson";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One alert: detections within cluster distance of each other. */
    public record Alert(String id, double latDeg, double lonDeg, int detections, double maxMwirK, double confidence,
                        double frpMw) {
    }

    @Override
    public String name() {
        return "firealerts";
    }

    @Override
    public double perRecordS() {
        return WildfireCosts.ALERTS_PER_RECORD_S;
    }

    @Override
    public double perByteS() {
        return WildfireCosts.ALERTS_PER_BYTE_S;
    }

    @Override
    public Fold start(TaskContext ctx) {
        double clusterM = WildfireJob.of(ctx.jobData()).clusterM();
        return new Fold() {
            private final List<JsonNode> dets = new ArrayList<>();
            private long bytes;
            private int tiles;

            @Override
            public void add(List<Record> records) {
                for (Record r : records) {
                    JsonNode v = r.value();
                    if (v.isNull()) {
                        continue; // an empty stream's placeholder
                    }
                    if (!v.has("detections")) {
                        throw new IllegalArgumentException("firealerts expects firedetect records, got " + v);
                    }
                    tiles++;
                    bytes += v.path("tile_bytes").asLong();
                    v.get("detections").forEach(dets::add);
                }
            }

            @Override
            public Record result() throws JsonProcessingException {
                return alerts(dets, tiles, bytes, clusterM);
            }
        };
    }

    private static Record alerts(List<JsonNode> dets, int tiles, long bytes, double clusterM) throws JsonProcessingException {
        List<Alert> alerts = cluster(dets, clusterM);
        ObjectNode fc = geoJson(alerts);
        // RFC 7946 §6.1 foreign member: what the alerts were made from (the live gateway's /completion lists only the file)
        fc.putObject("spacecomp").put("tiles", tiles).put("detections", dets.size())
                .put("bytes_collected", bytes);
        byte[] geojson = JSON.writeValueAsBytes(fc);
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put("alerts", alerts.size()).put("detections", dets.size()).put("tiles", tiles).put("bytes_collected", bytes);
        value.putArray("files").add(FILE);
        return new Record(value, new Attachment(FILE, geojson));
    }

    /** Single-linkage clusters of detections closer than {@code clusterM}, in a canonical order. */
    static List<Alert> cluster(List<JsonNode> detections, double clusterM) {
        List<JsonNode> d = new ArrayList<>(detections);
        d.sort(Comparator.comparingDouble((JsonNode n) -> n.get("lat").asDouble()).thenComparingDouble(n -> n.get("lon").asDouble())
                .thenComparingDouble(n -> n.get("mwir_k").asDouble()));
        int n = d.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double maxDLat = clusterM / WildfireScene.M_PER_DEG;
        for (int i = 0; i < n; i++) {
            double lat = d.get(i).get("lat").asDouble();
            for (int j = i + 1; j < n && d.get(j).get("lat").asDouble() - lat <= maxDLat; j++) {
                if (WildfireScene.distanceM(lat, d.get(i).get("lon").asDouble(), d.get(j).get("lat").asDouble(),
                        d.get(j).get("lon").asDouble()) <= clusterM) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        List<List<JsonNode>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(d.get(i));
        }
        List<Alert> alerts = new ArrayList<>();
        for (List<JsonNode> g : groups) {
            double w = 0;
            double lat = 0;
            double lon = 0;
            double frp = 0;
            double maxK = 0;
            double conf = 0;
            for (JsonNode x : g) {
                double f = x.get("frp_mw").asDouble();
                double wx = f > 0 ? f : 1e-9;
                w += wx;
                lat += wx * x.get("lat").asDouble();
                lon += wx * x.get("lon").asDouble();
                frp += f;
                maxK = Math.max(maxK, x.get("mwir_k").asDouble());
                conf = Math.max(conf, x.get("confidence").asDouble());
            }
            alerts.add(new Alert("", lat / w, lon / w, g.size(), maxK, conf, frp));
        }
        alerts.sort(Comparator.comparingDouble(Alert::latDeg).reversed().thenComparingDouble(Alert::lonDeg));
        List<Alert> named = new ArrayList<>();
        for (Alert a : alerts) {
            named.add(new Alert("A" + (named.size() + 1), a.latDeg(), a.lonDeg(), a.detections(), a.maxMwirK(), a.confidence(),
                    a.frpMw()));
        }
        return named;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The alerts as an RFC 7946 FeatureCollection: Point geometries in [longitude, latitude] order. */
    static ObjectNode geoJson(List<Alert> alerts) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode fc = f.objectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Alert a : alerts) {
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", a.id());
            ObjectNode geometry = feature.putObject("geometry").put("type", "Point");
            geometry.putArray("coordinates").add(FireDetectMapper.round(a.lonDeg(), 6)).add(FireDetectMapper.round(a.latDeg(), 6));
            feature.putObject("properties").put("alert", a.id()).put("detections", a.detections())
                    .put("max_mwir_k", FireDetectMapper.round(a.maxMwirK(), 2)).put("confidence", FireDetectMapper.round(a.confidence(), 3))
                    .put("frp_mw", FireDetectMapper.round(a.frpMw(), 3));
        }
        return fc;
    }

    /** The alerts of a GeoJSON file this reducer wrote (for the picture and tests). */
    public static List<Alert> read(byte[] geojson) throws IOException {
        List<Alert> out = new ArrayList<>();
        for (JsonNode feature : JSON.readTree(new String(geojson, StandardCharsets.UTF_8)).path("features")) {
            JsonNode c = feature.path("geometry").path("coordinates");
            JsonNode p = feature.path("properties");
            out.add(new Alert(p.path("alert").asText(), c.get(1).asDouble(), c.get(0).asDouble(), p.path("detections").asInt(),
                    p.path("max_mwir_k").asDouble(), p.path("confidence").asDouble(), p.path("frp_mw").asDouble()));
        }
        return out;
    }
}
