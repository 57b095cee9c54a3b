package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plane's routers learn a dead relay from a hop that failed for good, before the gateway's watchdog has said a
 * word: 4 planes × 3 in this JVM, plane 2 stopped (its ports closed), then at once a word count whose collectors are
 * in plane 1, mappers in plane 3 and coordinator-reducer (1,1). The hops into plane 2 fail, the messages take the
 * other minimal way (through plane 4) from where they failed, and the job under {@code fail} ends exact.
 */
class EmulatedRerouteTest {

    @TempDir
    Path tmp;

    @Test
    void aHopToADeadRelayTakesTheOtherWayAndAFailJobEndsExact() throws Exception {
        Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/sample.txt")));
        Path traces = tmp.resolve("trace");
        LocalConstellation c = null;
        for (int attempt = 0; attempt < 8 && c == null; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
            try {
                c = LocalConstellation.inProcess(new LocalConstellation.Options(WalkerShell.paperDefault(4, 3), base, 0,
                        TestData.projectRoot().resolve("data"), tmp.resolve("results"), new SatId(1, 1), "distance-aware", false,
                        traces));
            } catch (BindException taken) {
                // another block of ports
            }
        }
        assertTrue(c != null, "no free block of ports");
        JsonNode done;
        try {
            c.awaitHealthy(Duration.ofSeconds(30));
            GatewayClient client = new GatewayClient(c.gatewayUri());
            c.stopPlane(2); // every relay of plane 2 is gone; nobody has told the routers yet
            assertEquals("[]", client.get("/satellites").json().get("unanswering").toString(), "the watchdog has not spoken yet");
            ObjectNode b = Wire.object();
            b.put("collectors", 2);
            b.set("aoi", Wire.sats(List.of(new SatId(2, 1), new SatId(3, 1), new SatId(2, 3), new SatId(3, 3))));
            b.put("allocator", "bipartite");
            b.put("reducer", "los");
            b.put("max_collect_records", 8);
            b.putObject("job_data").put("filename", "sample.txt");
            b.put("timeout", 60);
            b.put("on_failure", "fail");
            GatewayClient.Answer a = client.submit(b);
            assertEquals(200, a.status(), () -> new String(a.body()));
            done = client.await(a.json().get("jobid").asText(), Duration.ofSeconds(90));
        } finally {
            c.close(); // the traces are complete once closed
        }
        assertTrue(done.path("done").asBoolean() && !done.path("failed").asBoolean(), done.toString());
        Map<String, Long> got = new TreeMap<>();
        done.get("result").fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
        assertEquals(expected, got);
        assertFalse(done.has("replans"), done.toString());
        long rerouted = 0;
        double first = Double.MAX_VALUE;
        double last = 0;
        for (int orb : new int[] {1, 3}) {
            for (String line : Files.readAllLines(traces.resolve("orb" + orb + ".jsonl"))) {
                JsonNode e = Wire.parse(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (e.path("type").asText().equals("rerouted")) {
                    rerouted++;
                    first = Math.min(first, e.get("t").asDouble());
                    last = Math.max(last, e.get("t").asDouble());
                    assertTrue(e.get("detail").asText().matches("no answer on the ISL \\(\\d,\\d\\) -> \\(\\d,2\\) after 3 attempts .*; "
                            + "now via \\(\\d,\\d\\)"), e.toString());
                }
            }
        }
        assertTrue(rerouted >= 1, "some message met the dead plane and went round it");
        System.out.printf("plane 2 stopped just before a fail job: exact in %.2f s, %d messages rerouted at the hop that failed "
                + "(within %.2f s)%n", done.get("result_time").asDouble(), rerouted, last - first);
    }
}
