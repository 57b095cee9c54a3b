package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-pressure on real plane processes: 3×3 planes whose budgets are sized for a 1 MiB heap ({@code plane
 * --budget-heap-mb 1}: 64 KiB queued a satellite, one job reduced at a time, collectors pause past 64 KiB waiting to
 * leave) take four word counts of data/sample.txt at once. Hops are refused as busy and tried again, collectors send
 * their ~0.5 MB shares a part at a time, pausing in between, and every job is still exact.
 */
class BackPressureProcessesTest {

    @TempDir
    Path tmp;

    @Test
    void aTinyBudgetMakesHopsWaitAndEveryJobIsStillExact() throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"), SpaceComp.class.getName(), "plane",
                "--budget-heap-mb", "1");
        WalkerShell shell = WalkerShell.paperDefault(3, 3);
        Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(TestData.dataDir().resolve("sample.txt")));
        try (LocalConstellation c = EmulateProcessesTest.start(new LocalConstellation.Options(shell, 0, 0, TestData.dataDir(),
                tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null), command)) {
            c.awaitHealthy(Duration.ofSeconds(120));
            GatewayClient client = new GatewayClient(c.gatewayUri());
            List<CompletableFuture<JsonNode>> jobs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                // a reducer away from the coordinator: its jobs come to it over ISL hops, each job new to it once
                JsonNode accepted = client.submit(EmulateProcessesTest.job(shell.satellites(), 3, 256, "sample.txt", 120)
                        .put("reducer", "center")).json();
                String id = accepted.get("jobid").asText();
                jobs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.await(id, Duration.ofSeconds(150));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<JsonNode> f : jobs) {
                JsonNode d = f.get();
                assertTrue(d.path("done").asBoolean() && !d.path("failed").asBoolean(), d.toString());
                Map<String, Long> got = new TreeMap<>();
                d.get("result").fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
                assertEquals(expected, got);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> refused = new TreeMap<>();
            long pauses = 0;
            HttpClient http = HttpClient.newHttpClient();
            for (SatId sat : shell.satellites()) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(c.addresses().uri(sat, "/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                JsonNode h = Wire.parse(r.body());
                h.path("busy_refusals").fields().forEachRemaining(e -> refused.merge(e.getKey(), e.getValue().asLong(), Long::sum));
                pauses += h.get("collect_pauses").asLong();
                assertEquals(0, h.get("queued_bytes").asLong(), "nothing left queued at " + sat);
                assertEquals(0, h.get("out_bytes").asLong(), "nothing left waiting to leave " + sat);
                assertEquals(0, h.get("reduce_jobs").asLong(), "no reduction left at " + sat);
            }
            System.out.printf("4 jobs over sample.txt on 3x3 with budgets for a 1 MiB heap: all exact in %.1f s; busy refusals %s; "
                    + "collectors paused part-way through their shares %d times%n", s, refused, pauses);
            // each share is ~0.5 MB against 64 KiB that may wait to leave: read and sent a part at a time, never whole
            assertTrue(pauses >= 4, "collectors paused part-way: " + pauses);
            assertTrue(refused.get("reduce_jobs") > 0, "a second job waited for the reducer: " + refused);
            assertTrue(refused.get("queue") + refused.get("out_bytes") > 0, "bytes waited: " + refused);
        }
    }
}
