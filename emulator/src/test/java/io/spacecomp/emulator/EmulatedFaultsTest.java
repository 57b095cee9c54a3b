package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.fault.LiveFault;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.sim.TestData;
import io.spacecomp.sim.fault.FaultEvent;
import io.spacecomp.sim.fault.Outage;
import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into a live 3×3 constellation (planes in this JVM, real HTTP hops) through the gateway's
 * {@code /fault}, and jobs that fail naming the satellite or re-plan to the exact count.
 */
class EmulatedFaultsTest {

    @RegisterExtension
    static final SharedTestbed bed = new SharedTestbed(3, 3);
    static Map<String, Long> expected;

    /** Collectors in plane 1, candidate mappers in plane 3, spares in plane 2; the coordinator (1,1) reduces. */
    static final List<SatId> AOI = List.of(new SatId(2, 1), new SatId(3, 1), new SatId(1, 3), new SatId(2, 3),
            new SatId(2, 2), new SatId(3, 2), new SatId(1, 2));

    @BeforeAll
    static void expectedCount() throws Exception {
        expected = new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/sample.txt")));
    }

    static ObjectNode job(String onFailure, int maxRecords) {
        ObjectNode b = Wire.object();
        b.put("collectors", 2);
        b.set("aoi", Wire.sats(AOI));
        b.put("allocator", "bipartite");
        b.put("reducer", "los");
        b.put("max_collect_records", maxRecords);
        b.putObject("job_data").put("filename", "sample.txt");
        b.put("timeout", 90);
        if (onFailure != null) {
            b.put("on_failure", onFailure);
        }
        return b;
    }

    private static GatewayClient.Answer inject(FaultEvent e, boolean up) throws Exception {
        return bed.client().fault(new LiveFault(e, up).json(), bed.constellation().key());
    }

    private static SatId firstMapper(JsonNode accepted) {
        return Wire.sat(accepted.get("allocations").get(0).get(1), "mapper");
    }

    @Test
    void aMapperDownMidJobMovesToASpareAndTheCountStaysExact() throws Exception {
        JsonNode accepted = bed.client().submit(job("replan", 16)).json();
        SatId mapper = firstMapper(accepted);
        assertEquals(3, mapper.orb(), "a mapper in plane 3: " + accepted);
        Thread.sleep(300);
        GatewayClient.Answer a = inject(new FaultEvent.SatelliteDown(0, List.of(mapper), 8, Outage.DOWN), false);
        assertEquals(200, a.status(), () -> new String(a.body()));
        assertEquals(3, a.json().get("planes_applied").size(), a.json().toString());
        JsonNode done = bed.client().await(accepted.get("jobid").asText(), Duration.ofSeconds(90));
        assertTrue(done.path("done").asBoolean() && !done.path("failed").asBoolean(), done.toString());
        assertEquals(expected, EmulatedWordCountTest.counts(done.get("result")));
        JsonNode replans = done.get("replans");
        assertTrue(replans != null && replans.size() >= 1, "the outcome lists the re-plan: " + done);
        JsonNode first = replans.get(0);
        assertEquals("mapper", first.get("role").asText());
        assertEquals(Wire.sats(List.of(mapper)).get(0), first.get("from"));
        assertEquals(2, first.get("to").get(1).asInt(), "a spare of plane 2: " + first);
        assertTrue(first.get("reason").asText().contains(mapper.toString()), first.toString());
        System.out.printf("mapper %s down mid-job (replan): exact after %.2f s; re-plans %s%n", mapper,
                done.get("result_time").asDouble(), replans);
        inject(new FaultEvent.SatelliteDown(0, List.of(mapper), 1, Outage.DOWN), true);
    }

    @Test
    void aMapperDownMidJobFailsAJobThatDoesNotReplanNamingIt() throws Exception {
        JsonNode accepted = bed.client().submit(job(null, 16)).json();
        SatId mapper = firstMapper(accepted);
        Thread.sleep(300);
        long t0 = System.nanoTime();
        inject(new FaultEvent.SatelliteDown(0, List.of(mapper), 5, Outage.DOWN), false);
        JsonNode failed = bed.client().await(accepted.get("jobid").asText(), Duration.ofSeconds(90));
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(failed.path("failed").asBoolean(), failed.toString());
        assertTrue(failed.get("error").asText().contains(mapper.toString()), "names " + mapper + ": " + failed);
        assertTrue(s < 30, "failed in seconds: " + s);
        assertFalse(failed.has("replans"), failed.toString());
        System.out.printf("mapper %s down mid-job (fail): failed after %.2f s: %s%n", mapper, s, failed.get("error").asText());
        inject(new FaultEvent.SatelliteDown(0, List.of(mapper), 1, Outage.DOWN), true);
    }

    @Test
    void theFaultEndpointWantsTheKeyAndNamesABadField() throws Exception {
        GatewayClient.Answer noKey = bed.client().fault(new LiveFault(new FaultEvent.PlaneDown(0, 2, 1, Outage.DOWN), false).json(),
                IslKey.OPEN);
        assertEquals(403, noKey.status());
        ObjectNode outside = Wire.object();
        outside.set("satellite", Wire.sats(List.of(new SatId(4, 1))));
        outside.put("state", "down");
        GatewayClient.Answer bad = bed.client().fault(outside, bed.constellation().key());
        assertEquals(400, bad.status());
        assertEquals("satellite[0]", bad.json().get("field").asText());
        assertTrue(bad.json().get("error").asText().contains("outside the shell"), bad.json().toString());
        ObjectNode badFor = Wire.object();
        badFor.put("plane", 2);
        badFor.put("state", "down");
        badFor.put("down_s", -3);
        GatewayClient.Answer negative = bed.client().fault(badFor, bed.constellation().key());
        assertEquals(400, negative.status());
        assertEquals("down_s", negative.json().get("field").asText());
        GatewayClient.Answer badPolicy = bed.client().submit(job("retry", 16));
        assertEquals(400, badPolicy.status());
        assertEquals("on_failure", badPolicy.json().get("field").asText());
        assertEquals("on_failure must be one of fail, replan, got 'retry'", badPolicy.json().get("error").asText());
    }

    @Test
    void aDownPlaneIsSilentAndBackAfterItsTime() throws Exception {
        long t0 = System.nanoTime();
        GatewayClient.Answer a = inject(new FaultEvent.PlaneDown(0, 2, 1.5, Outage.DOWN), false);
        assertEquals(200, a.status());
        JsonNode sats = bed.client().get("/satellites").json();
        double s = (System.nanoTime() - t0) / 1e9;
        if (s < 1.2) {
            assertEquals(3, sats.get("total").asInt() - sats.get("up").asInt(), "plane 2 answers no health check: " + sats);
        }
        Thread.sleep(1800);
        assertEquals(9, bed.client().get("/satellites").json().get("up").asInt(), "back after 1.5 s");
    }
}
