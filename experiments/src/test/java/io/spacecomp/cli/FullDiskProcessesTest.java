package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.SmallDisk;
import io.spacecomp.emulator.Testbed;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.emulator.gateway.GatewayLimits;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A results directory that fills up, on real plane processes: the gateway's results and the planes' logs on an 8 MiB
 * tmpfs. Three word counts of data/sample.txt are accepted with 768 KiB free; their outcomes (~0.6 MB each) do not all
 * fit. Every accepted job still ends exact, served from memory; a later job gets 507 naming no server path; once space
 * is freed the outcomes are written and jobs are accepted again.
 */
class FullDiskProcessesTest {

    @TempDir
    Path tmp;

    private static final long MIN_FREE = 512 * 1024;
    private static final long LEFT_FREE = 768 * 1024;

    @Test
    void aResultsDirectoryThatFillsUpLosesNoAcceptedJobAndRefusesLaterOnesWith507() throws Exception {
        Path results = tmp.resolve("results");
        WalkerShell shell = WalkerShell.paperDefault(3, 3);
        Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(TestData.dataDir().resolve("sample.txt")));
        GatewayLimits limits = GatewayLimits.DEFAULT.withMinFreeBytes(MIN_FREE);
        try (SmallDisk disk = SmallDisk.mount(results, 8 << 20);
             LocalConstellation c = Testbed.processes(new LocalConstellation.Options(shell, 0, 0, TestData.dataDir(), results,
                     new SatId(1, 1), "distance-aware", false, null), EmulateProcessesTest.planeCommand(), limits)) {
            c.awaitHealthy(Duration.ofSeconds(120));
            GatewayClient client = new GatewayClient(c.gatewayUri());
            Path filler = results.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                out.write(new byte[(int) (disk.free() - LEFT_FREE)]);
            }
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                GatewayClient.Answer a = client.submit(EmulateProcessesTest.job(shell.satellites(), 3, 256, "sample.txt", 120));
                assertEquals(200, a.status(), new String(a.body()));
                accepted.add(a.json().get("jobid").asText());
            }
            List<CompletableFuture<JsonNode>> done = new ArrayList<>();
            for (String id : accepted) {
                done.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.await(id, Duration.ofSeconds(150));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<JsonNode> f : done) {
                assertEquals(expected, counts(f.get()));
            }
            int inMemory = Wire.parse(client.get("/health").body()).get("outcomes_in_memory").asInt();
            assertTrue(inMemory >= 2, "three outcomes of ~0.6 MB do not fit in 768 KiB: " + inMemory + " kept in memory");
            assertTrue(disk.free() < MIN_FREE, "the disk filled up: " + disk.free() + " bytes free");

            GatewayClient.Answer refused = client.submit(EmulateProcessesTest.job(shell.satellites(), 3, 256, "sample.txt", 120));
            assertEquals(507, refused.status(), new String(refused.body()));
            assertFalse(refused.json().get("error").asText().contains(tmp.toString()), "no server path: " + refused.json());
            for (String id : accepted) {
                assertEquals(expected, counts(client.completion(id).json()), "still served, from memory");
            }

            Files.delete(filler);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Wire.parse(client.get("/health").body()).get("outcomes_in_memory").asInt() > 0 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            for (String id : accepted) {
                assertTrue(Files.isRegularFile(results.resolve(id).resolve("outcome.json")), "written once there was room: " + id);
                assertEquals(expected, counts(client.completion(id).json()), "served from the disk");
            }
            try (Stream<Path> all = Files.walk(results)) {
                assertEquals(0, all.filter(f -> f.getFileName().toString().startsWith(".tmp-")).count(), "no temporary file left");
            }
            GatewayClient.Answer again = client.submit(EmulateProcessesTest.job(shell.satellites(), 3, 256, "sample.txt", 120));
            assertEquals(200, again.status(), new String(again.body()));
            assertEquals(expected, counts(client.await(again.json().get("jobid").asText(), Duration.ofSeconds(150))));
            System.out.printf("full results disk on 3x3 processes: 3 accepted jobs exact, %d outcomes held in memory, "
                    + "then 507; all written once space was freed%n", inMemory);
        }
    }

    /** A finished job's word count; fails when the job did not end exact. */
    private static Map<String, Long> counts(JsonNode done) {
        assertTrue(done.path("done").asBoolean() && !done.path("failed").asBoolean(), done.toString());
        Map<String, Long> got = new TreeMap<>();
        done.get("result").fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
        return got;
    }
}
