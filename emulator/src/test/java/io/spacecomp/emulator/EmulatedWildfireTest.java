package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.sim.TestData;
import io.spacecomp.tasks.DataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wildfire job of data/wildfire.json on a live 3×3 constellation gives the simulation's alerts, byte for byte. */
class EmulatedWildfireTest {

    @TempDir
    Path results;

    @Test
    void emulationAndSimulationRaiseTheSameAlerts() throws Exception {
        Path dataDir = TestData.projectRoot().resolve("data");
        JsonNode jobData = Wire.parse(Files.readAllBytes(dataDir.resolve("wildfire.json")));
        JobRequest request = new JobRequest(3, 1, 3, 5, "bipartite", "center", "thermaltiles", "", "firedetect", "firealerts",
                2, jobData, false);
        byte[] live;
        JsonNode liveValue;
        try (Testbed bed = Testbed.start(3, 3, results, dataDir)) {
            GatewayClient.Answer a = bed.client.submit(request.body());
            assertEquals(200, a.status(), () -> new String(a.body(), StandardCharsets.UTF_8));
            String id = a.json().get("jobid").asText();
            JsonNode done = bed.client.await(id, Duration.ofSeconds(120));
            assertTrue(done.path("done").asBoolean(), done::toString);
            liveValue = done.get("result");
            assertEquals("alerts.geojson", liveValue.get("files").get(0).asText());
            GatewayClient.Answer file = bed.client.download(id, "alerts.geojson");
            assertEquals(200, file.status());
            live = file.body();
        }

        // the same job in virtual time, once with the emulator's k and once with another: tiles split by data id
        for (int k : new int[] {3, 2}) {
            Simulation sim = new Simulation(SimulationConfig.defaults(new CircularOrbitGeometry(WalkerShell.paperDefault(3, 3)),
                    new DataFiles(dataDir), 5));
            JobSpec spec = new JobSpec("job-1", k, request.aoi(), "bipartite", "center", "thermaltiles", "firedetect", "",
                    "firealerts", 2, jobData, JobSpec.DEFAULT_TIMEOUT_S, 5);
            JobOutcome o = sim.run(List.of(spec), new SatId(1, 1)).get(0);
            assertTrue(o.done(), o::error);
            assertArrayEquals(o.result().attachment().bytes(), live, "k = " + k);
            assertEquals(o.result().value().get("files"), liveValue.get("files")); // the gateway shows a file result's files
        }
        JsonNode geojson = Wire.parse(live);
        assertTrue(geojson.get("features").size() >= 8, geojson::toString);
        assertEquals(25, geojson.get("spacecomp").get("tiles").asInt());
        assertEquals(2_724_196, geojson.get("spacecomp").get("bytes_collected").asLong()); // 25 TIR1 tiles, 572 x 593 pixels in all
    }
}
