package io.spacecomp.tasks.builtin.wildfire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.protocol.ProcessingModel;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.tasks.builtin.WordCountMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tile format, the GeoJSON file (RFC 7946), the registry entries and the per-task processing costs. */
class WildfireFormatsTest {

    @Test
    void planckInvertsAndMixesByArea() {
        for (double t : new double[] {250, 300, 800, 1200}) {
            assertEquals(t, Planck.brightnessTemperatureK(Planck.MWIR_UM, Planck.radiance(Planck.MWIR_UM, t)), 1e-9);
            assertEquals(t, Planck.brightnessTemperatureK(Planck.LWIR_UM, Planck.radiance(Planck.LWIR_UM, t)), 1e-9);
        }
        // 0.1 % of a 300 K pixel burning at 1000 K: +~50 K at 4 um, ~+1 K at 11 um (the reason fire tests use MWIR)
        double t4 = Planck.mixedK(Planck.MWIR_UM, 1000, 1e-3, 300);
        double t11 = Planck.mixedK(Planck.LWIR_UM, 1000, 1e-3, 300);
        assertTrue(t4 > 340 && t4 < 360, "T4 " + t4);
        assertTrue(t11 > 300.3 && t11 < 302, "T11 " + t11);
    }

    @Test
    void tilesRoundTripAndTheCollectorsTileTheAoiOnce() throws Exception {
        ObjectNode data = WildfireTasksTest.jobData(9);
        WildfireScene scene = new WildfireScene(WildfireJob.of(data));
        ThermalTile t = scene.render(7);
        byte[] b = t.encode();
        assertEquals(ThermalTile.HEADER_BYTES + 8L * t.width() * t.height(), b.length);
        ThermalTile back = ThermalTile.decode(b);
        assertArrayEquals(t.mwirK(), back.mwirK());
        assertArrayEquals(t.lwirK(), back.lwirK());
        assertEquals(t.latNorthDeg(), back.latNorthDeg());
        assertThrows(IllegalArgumentException.class, () -> ThermalTile.decode(new byte[100]));

        long pixels = 0;
        List<Integer> seen = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            TaskContext c = new TaskContext("j", d, 7, data, new SatId(1, d), new DataFiles(Path.of(".")));
            for (Record r : new ThermalTilesCollector().collect(c)) {
                seen.add(r.value().get("tile").asInt());
                ThermalTile tile = ThermalTile.decode(r.attachment().bytes());
                pixels += (long) tile.width() * tile.height();
                if (r.value().get("tile").asInt() == 7) {
                    assertArrayEquals(b, r.attachment().bytes(), "a tile is the same whichever collector renders it");
                }
            }
        }
        assertEquals(scene.tileCount(), seen.size());
        assertEquals(scene.tileCount(), Set.copyOf(seen).size());
        assertEquals((long) scene.widthPx() * scene.heightPx(), pixels);
    }

    @Test
    void hotSurfacesWouldFoolAnLwirThresholdButAreNoCandidates() {
        WildfireScene scene = new WildfireScene(WildfireJob.of(WildfireTasksTest.jobData(1)));
        int hotPixels = 0;
        for (int i = 0; i < scene.tileCount(); i++) {
            ThermalTile t = scene.render(i);
            for (int p = 0; p < t.width() * t.height(); p++) {
                if (t.lwirK()[p] > 320 && t.mwirK()[p] > FireDetector.POTENTIAL_MWIR_K) {
                    hotPixels++;
                    assertTrue(t.mwirK()[p] - t.lwirK()[p] < FireDetector.POTENTIAL_DELTA_K || t.mwirK()[p] > 380,
                            "a hot surface pixel passes the potential-fire test");
                }
            }
        }
        assertTrue(hotPixels > 50, "hot surfaces are planted: " + hotPixels + " pixels");
    }

    @Test
    void userTilesFromTheDataDirectoryReplaceTheSyntheticOnes(@TempDir Path dir) throws Exception {
        WildfireScene scene = new WildfireScene(WildfireJob.of(WildfireTasksTest.jobData(3)));
        Files.createDirectories(dir.resolve("tiles"));
        ObjectNode data = WildfireTasksTest.JSON.createObjectNode();
        var names = data.putArray("tiles");
        for (int i = 0; i < scene.tileCount(); i++) {
            Files.write(dir.resolve("tiles").resolve("t" + i + ".tir"), scene.render(i).encode());
            names.add("tiles/t" + i + ".tir");
        }
        List<Record> mapped = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            TaskContext c = new TaskContext("j", d, 3, data, new SatId(1, d), new DataFiles(dir));
            mapped.addAll(new FireDetectMapper().map(c, new ThermalTilesCollector().collect(c)));
        }
        Record fromFiles = new FireAlertsReducer().reduce(new TaskContext("j", 0, 3, data, new SatId(1, 1), new DataFiles(dir)), mapped);
        Record synthetic = WildfireTasksTest.run(WildfireTasksTest.jobData(3), 3);
        assertArrayEquals(synthetic.attachment().bytes(), fromFiles.attachment().bytes());
        names.add("../outside.tir");
        TaskContext c = new TaskContext("j", 3, 3, data, new SatId(1, 3), new DataFiles(dir));
        assertThrows(IllegalArgumentException.class, () -> new ThermalTilesCollector().collect(c));
    }

    /** RFC 7946: a FeatureCollection of Features, each with a geometry, [longitude, latitude] positions, properties. */
    @Test
    void alertsAreAnRfc7946FeatureCollection() throws Exception {
        ObjectNode data = WildfireTasksTest.jobData(2);
        WildfireJob job = WildfireJob.of(data);
        Record result = WildfireTasksTest.run(data, 5);
        JsonNode fc = WildfireTasksTest.JSON.readTree(result.attachment().bytes());
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertFalse(fc.has("crs"), "RFC 7946 removed crs: WGS 84 only");
        assertTrue(fc.get("features").isArray());
        assertEquals(result.value().get("alerts").asInt(), fc.get("features").size());
        assertTrue(fc.get("features").size() >= 8);
        for (JsonNode f : fc.get("features")) {
            assertEquals("Feature", f.get("type").asText());
            assertTrue(f.get("id").isTextual() || f.get("id").isNumber());
            JsonNode g = f.get("geometry");
            assertTrue(Set.of("Point", "Polygon", "MultiPoint").contains(g.get("type").asText()));
            JsonNode position = g.get("coordinates");
            assertEquals(2, position.size());
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            assertTrue(lon >= job.lonMinDeg() && lon <= job.lonMaxDeg(), "longitude first: " + position);
            assertTrue(lat >= job.latMinDeg() && lat <= job.latMaxDeg(), "latitude second: " + position);
            JsonNode p = f.get("properties");
            assertTrue(p.isObject());
            assertTrue(p.get("confidence").asDouble() > 0 && p.get("confidence").asDouble() <= 1, p.toString());
            assertTrue(p.get("max_mwir_k").asDouble() > FireDetector.POTENTIAL_MWIR_K, p.toString());
            assertTrue(p.get("frp_mw").asDouble() > 0, p.toString());
            assertTrue(p.get("detections").asInt() >= 1);
        }
        // what was collected: every tile's bytes, as the file's foreign member and the result value say
        WildfireScene scene = new WildfireScene(job);
        long tileBytes = 8L * scene.widthPx() * scene.heightPx() + (long) ThermalTile.HEADER_BYTES * scene.tileCount();
        assertEquals(tileBytes, result.value().get("bytes_collected").asLong());
        assertEquals(tileBytes, fc.get("spacecomp").get("bytes_collected").asLong());
        assertEquals("alerts.geojson", result.value().get("files").get(0).asText());
        assertTrue(MessageSize.record(result) * 500 < tileBytes, "the answer is at least 500 times smaller than the imagery");
    }

    @Test
    void theTasksAreRegisteredAndCarryMeasuredCosts() {
        TaskRegistry r = TaskRegistry.discover();
        assertTrue(r.collector("thermaltiles").orElseThrow() instanceof ThermalTilesCollector);
        assertTrue(r.mapper("firedetect").orElseThrow() instanceof FireDetectMapper);
        assertTrue(r.reducer("firealerts").orElseThrow() instanceof FireAlertsReducer);

        ProcessingModel m = new ProcessingModel(1e-6, 1e-9, 2.0, 3.0, 10.0);
        FireDetectMapper detect = new FireDetectMapper();
        double own = 10.0 * 2.0 * (5 * detect.perRecordS() + 1_000_000 * detect.perByteS());
        assertEquals(own, m.mapS(detect, 5, 1_000_000), 1e-15);
        assertTrue(own > 0);
        FireAlertsReducer alerts = new FireAlertsReducer();
        assertEquals(10.0 * 3.0 * (5 * alerts.perRecordS() + 100 * alerts.perByteS()), m.reduceS(alerts, 5, 100), 1e-15);
        ThermalTilesCollector collect = new ThermalTilesCollector();
        assertEquals(10.0 * (2 * collect.perRecordS() + 100 * collect.perByteS()), m.collectS(collect, 2, 100), 1e-15);
        // a task without figures is charged the generic ones, exactly as before
        assertEquals(m.mapS(5, 1_000_000), m.mapS(new WordCountMapper(), 5, 1_000_000));
        // no time at all where real code runs (the emulator)
        assertEquals(0.0, ProcessingModel.NONE.mapS(detect, 5, 1_000_000));
        assertEquals(ProcessingModel.DEFAULT.mapS(5, 7), new ProcessingModel(1e-6, 1e-9, 1, 1).mapS(5, 7));
    }
}
