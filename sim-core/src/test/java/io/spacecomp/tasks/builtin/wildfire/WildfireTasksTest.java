package io.spacecomp.tasks.builtin.wildfire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WildfireTasksTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Northern California, 2 x 2.5 degrees: the scenario's job_data with another seed. */
    static ObjectNode jobData(long seed) {
        ObjectNode d = JSON.createObjectNode().put("seed", seed);
        d.putObject("aoi").put("lat_min", 38.5).put("lat_max", 40.5).put("lon_min", -123.0).put("lon_max", -120.5);
        return d;
    }

    /** collect (k collectors) -> map (each collector's tiles) -> reduce, as the protocol does, in one thread. */
    static Record run(ObjectNode jobData, int k) throws Exception {
        List<Record> mapped = new ArrayList<>();
        for (int d = 1; d <= k; d++) {
            TaskContext c = new TaskContext("job-1", d, k, jobData, new SatId(1, d), new DataFiles(Path.of(".")));
            mapped.addAll(new FireDetectMapper().map(c, new ThermalTilesCollector().collect(c)));
        }
        TaskContext r = new TaskContext("job-1", 0, k, jobData, new SatId(1, 1), new DataFiles(Path.of(".")));
        return new FireAlertsReducer().reduce(r, mapped);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyDetectableFireIsFoundAndNoAlertIsRaisedOnAHotSurface(long seed) throws Exception {
        ObjectNode data = jobData(seed);
        WildfireScene scene = new WildfireScene(WildfireJob.of(data));
        Record result = run(data, 4);
        List<FireAlertsReducer.Alert> alerts = FireAlertsReducer.read(result.attachment().bytes());
        int detectable = 0;
        StringBuilder report = new StringBuilder();
        for (WildfireScene.Fire f : scene.fires()) {
            double nearest = Double.MAX_VALUE;
            for (FireAlertsReducer.Alert a : alerts) {
                nearest = Math.min(nearest, WildfireScene.distanceM(f.latDeg(), f.lonDeg(), a.latDeg(), a.lonDeg()));
            }
            report.append(String.format("fire %d area %.0f m2 %.0f K peak %.1f K nearest alert %.0f m%n", f.id(), f.areaM2(),
                    f.temperatureK(), f.peakMwirK(), nearest));
            if (f.detectable()) {
                detectable++;
                assertTrue(nearest < 600, "seed " + seed + ": detectable fire " + f + " has no alert\n" + report);
            }
        }
        assertTrue(detectable >= 6, "seed " + seed + ": too few detectable fires to test\n" + report);
        assertTrue(scene.hotSurfaces().size() >= 6, "seed " + seed + ": hot surfaces planted");
        for (FireAlertsReducer.Alert a : alerts) {
            for (WildfireScene.Disk hot : scene.hotSurfaces()) {
                assertTrue(WildfireScene.distanceM(a.latDeg(), a.lonDeg(), hot.latDeg(), hot.lonDeg()) > hot.radiusM() + 1000,
                        "seed " + seed + ": alert " + a + " on hot surface " + hot);
            }
            double nearestFire = Double.MAX_VALUE;
            for (WildfireScene.Fire f : scene.fires()) {
                nearestFire = Math.min(nearestFire, WildfireScene.distanceM(f.latDeg(), f.lonDeg(), a.latDeg(), a.lonDeg()));
            }
            assertTrue(nearestFire < 600, "seed " + seed + ": alert " + a + " is no planted fire\n" + report);
        }
    }
}
