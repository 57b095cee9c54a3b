package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An emulated run writes the simulator's JSON-Lines trace schema, one file per plane. */
class EmulatedTraceTest {

    @TempDir
    Path tmp;

    @Test
    void everyPlaneWritesTheSimulatorsTraceSchema() throws Exception {
        String jobId;
        int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
        try (LocalConstellation c = LocalConstellation.inProcess(new LocalConstellation.Options(WalkerShell.paperDefault(3, 3), base, 0,
                TestData.projectRoot().resolve("data"), tmp.resolve("results"), new SatId(1, 1), "distance-aware", true,
                tmp.resolve("trace")))) {
            c.awaitHealthy(Duration.ofSeconds(30));
            GatewayClient client = new GatewayClient(c.gatewayUri());
            jobId = client.submit(EmulatedWordCountTest.wordCount(4, 1, 3, 2, "bipartite", "center", 5, "corpus.txt").body())
                    .json().get("jobid").asText();
            assertTrue(client.await(jobId, Duration.ofSeconds(60)).path("done").asBoolean());
        }
        List<JsonNode> events = new ArrayList<>();
        for (int o = 1; o <= 3; o++) {
            for (String line : Files.readAllLines(tmp.resolve("trace/orb" + o + ".jsonl"), StandardCharsets.UTF_8)) {
                events.add(Wire.parse(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        Set<String> types = new TreeSet<>();
        Map<Long, String> sent = new HashMap<>();
        Map<Long, String> delivered = new HashMap<>();
        for (JsonNode e : events) {
            assertTrue(e.get("t").isNumber() && e.get("type").isTextual(), e::toString);
            types.add(e.get("type").asText());
            if (e.has("job")) {
                assertEquals(jobId, e.get("job").asText(), e::toString);
            }
            if (e.get("type").asText().equals("message_sent")) {
                sent.put(e.get("msg").asLong(), e.get("action").asText());
            }
            if (e.get("type").asText().equals("delivered")) {
                delivered.put(e.get("msg").asLong(), e.get("action").asText());
            }
            if (e.get("type").asText().equals("hop")) {
                assertTrue(e.get("detail").asText().endsWith(" km"), "a hop says its link length: " + e);
            }
        }
        assertTrue(types.containsAll(List.of("job_submitted", "message_sent", "hop", "delivered", "task_started", "task_finished",
                "job_done")), types.toString());
        assertEquals(sent, delivered, "every message sent was delivered once, under its id");
    }
}
