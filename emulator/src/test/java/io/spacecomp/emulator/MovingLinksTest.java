package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.emulator.plane.PlaneConfig;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Satellites move: with the physical ISL delay every hop is held for the length its link has at that wall-clock
 * instant, seconds since the constellation epoch, on the circular orbits of the shell.
 */
class MovingLinksTest {

    @TempDir
    Path tmp;

    @Test
    void everyHopsLinkLengthIsTheOrbitsAtTheWallClockSinceTheEpoch() throws Exception {
        WalkerShell shell = WalkerShell.paperDefault(3, 3);
        int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
        double startS = (System.currentTimeMillis() - PlaneConfig.DEFAULT_EPOCH_MS) / 1000.0;
        try (LocalConstellation c = LocalConstellation.inProcess(new LocalConstellation.Options(shell, base, 0,
                TestData.projectRoot().resolve("data"), tmp.resolve("results"), new SatId(1, 1), "distance-aware", true,
                tmp.resolve("trace")))) {
            c.awaitHealthy(Duration.ofSeconds(30));
            GatewayClient client = new GatewayClient(c.gatewayUri());
            String jobId = client.submit(EmulatedWordCountTest.wordCount(4, 1, 3, 2, "bipartite", "center", 5, "corpus.txt").body())
                    .json().get("jobid").asText();
            assertTrue(client.await(jobId, Duration.ofSeconds(60)).path("done").asBoolean());
        }
        double endS = (System.currentTimeMillis() - PlaneConfig.DEFAULT_EPOCH_MS) / 1000.0;
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(shell);
        int hops = 0;
        int crossPlane = 0;
        for (int o = 1; o <= 3; o++) {
            for (String line : Files.readAllLines(tmp.resolve("trace/orb" + o + ".jsonl"), StandardCharsets.UTF_8)) {
                JsonNode e = Wire.parse(line.getBytes(StandardCharsets.UTF_8));
                if (!"hop".equals(e.path("type").asText())) {
                    continue;
                }
                double t = e.get("t").asDouble();
                assertTrue(t >= startS - 1 && t <= endS + 1, "t is wall-clock seconds since the epoch: " + t + " not in [" + startS + ", " + endS + "]");
                SatId from = new SatId(e.get("from").get(0).asInt(), e.get("from").get(1).asInt());
                SatId to = new SatId(e.get("to").get(0).asInt(), e.get("to").get(1).asInt());
                String detail = e.get("detail").asText();
                double km = Double.parseDouble(detail.substring(0, detail.length() - " km".length()));
                // Within 50 m: the length is taken microseconds before the event's time, and written to the metre.
                assertEquals(geometry.linkLengthKm(from, to, t), km, 0.05, "link " + from + " -> " + to + " at t = " + t + " s");
                hops++;
                if (from.orb() != to.orb()) {
                    crossPlane++;
                }
            }
        }
        assertTrue(hops > 0 && crossPlane > 0, hops + " hops, " + crossPlane + " across planes");
        // A cross-plane link's length does change with the orbit: a quarter of an orbit later it differs.
        SatId a = new SatId(1, 1);
        SatId b = new SatId(1, 2);
        double period = 2 * Math.PI * Math.sqrt(Math.pow((shell.earthRadiusKm() + shell.altitudeKm()) * 1000, 3) / WalkerShell.MU_M3_PER_S2);
        assertTrue(Math.abs(geometry.linkLengthKm(a, b, endS) - geometry.linkLengthKm(a, b, endS + period / 4)) > 1.0,
                "cross-plane links breathe with latitude");
    }
}
