package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.Testbed;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.emulator.plane.Orbits;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.orekit.OrekitData;
import io.spacecomp.orbit.orekit.TleCatalogue;
import io.spacecomp.orbit.orekit.TleSatellite;
import io.spacecomp.orbit.orekit.TleShell;
import io.spacecomp.orbit.orekit.TleWriter;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live testbed on a shell of a TLE catalogue: a generated 3-plane catalogue with one empty slot, in random
 * order, its grid inferred by every plane process; hops held for their SGP4 length now; the hole never started.
 */
class EmulateTleShellTest {

    /** The empty slot: plane 2's second satellite is missing from the catalogue. */
    private static final SatId HOLE = new SatId(2, 2);

    @TempDir
    static Path tmp;

    private static Path catalogue;

    /** 3 planes x 5 slots at 53 deg, 550 km, F = 1, without {@link #HOLE}, shuffled. */
    @BeforeAll
    static void writeCatalogue() throws Exception {
        List<TleSatellite> all = new ArrayList<>(TleWriter.generate(new WalkerShell(3, 5, 1, 53, 550, 6371),
                OrekitData.date("2026-01-01T00:00:00Z")));
        assertTrue(all.removeIf(s -> s.name().equals(TleWriter.name(HOLE))));
        Collections.shuffle(all, new Random(13));
        catalogue = tmp.resolve("three-planes.tle");
        TleWriter.write(all, catalogue);
    }

    private static TleShell shell() {
        TleShell s = TleCatalogue.read(catalogue).onlyShell();
        assertEquals(List.of(HOLE), s.holes(), "the catalogue's grid, as generated");
        return s;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode wordCount(List<SatId> aoi, int k) {
        return EmulateProcessesTest.job(aoi, k, 50, "corpus.txt", 60);
    }

    private static Map<String, Long> result(JsonNode done) {
        Map<String, Long> counted = new TreeMap<>();
        done.get("result").fields().forEachRemaining(e -> counted.put(e.getKey(), e.getValue().asLong()));
        return counted;
    }

    @Test
    void planeProcessesRunTheInferredGridHoldHopsForTheirSgp4LengthAndNeverStartTheHole() throws Exception {
        Path root = TestData.projectRoot();
        Path data = root.resolve("data");
        Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(data.resolve("corpus.txt")));
        TleShell shell = shell();
        Path traces = tmp.resolve("trace");
        List<String> command = EmulateProcessesTest.planeCommand();
        List<Long> pids;
        try (LocalConstellation c = EmulateProcessesTest.start(new LocalConstellation.Options(new Orbits.Tle(shell), 0, 0, data,
                tmp.resolve("results"), new SatId(1, 1), "distance-aware", true, traces, null), command)) {
            c.awaitHealthy(Duration.ofSeconds(120));
            pids = c.pids();
            assertEquals(3, pids.size());
            assertEquals(14, c.upSatellites().size());
            // the hole is down: nothing listens on its port
            int holePort = c.addresses().port(HOLE);
            assertThrows(java.io.IOException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", holePort), 2000);
                }
            });
            GatewayClient client = new GatewayClient(c.gatewayUri());

            // (1,2) -> (2,1): of the two minimal paths one crosses the hole; distance-aware takes the other
            JsonNode around = client.await(client.submit(wordCount(List.of(new SatId(1, 2), new SatId(2, 1)), 1)).json()
                    .get("jobid").asText(), Duration.ofSeconds(60));
            assertTrue(around.path("done").asBoolean(), around.toString());
            assertEquals(expected, result(around));
            JsonNode three = client.await(client.submit(wordCount(List.of(new SatId(1, 1), new SatId(3, 2), new SatId(5, 3),
                    new SatId(2, 1), new SatId(4, 2), new SatId(1, 3)), 3)).json().get("jobid").asText(), Duration.ofSeconds(60));
            assertTrue(three.path("done").asBoolean(), three.toString());
            assertEquals(expected, result(three));

            // (1,2) -> (3,2) in a 5-slot plane: the only minimal path crosses the hole; the minimal-hop router says so
            GatewayClient.Answer blocked = client.submit(wordCount(List.of(new SatId(1, 2), new SatId(3, 2)), 1));
            String why = blocked.ok() ? client.await(blocked.json().get("jobid").asText(), Duration.ofSeconds(60)).toString()
                    : blocked.json().toString();
            assertTrue(why.contains("(3,2)") && why.contains("down"), why);
            assertFalse(why.contains("\"done\":true"), why);

            // a job on the hole itself: refused or failed, naming it
            GatewayClient.Answer onHole = client.submit(wordCount(List.of(HOLE, new SatId(1, 1)), 1));
            String holeWhy = onHole.ok() ? client.await(onHole.json().get("jobid").asText(), Duration.ofSeconds(60)).toString()
                    : onHole.json().toString();
            assertTrue(holeWhy.contains("(2,2)") && holeWhy.contains("down"), holeWhy);
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "plane process " + pid + " stopped");
        }

        // every hop was held for its length now, from SGP4 (checked without the shell's per-second snapshots)
        int hops = 0;
        for (int orb = 1; orb <= 3; orb++) {
            List<String> lines = Files.readAllLines(traces.resolve("orb" + orb + ".jsonl"));
            JsonNode header = Wire.parse(lines.get(0).getBytes());
            assertTrue(header.toString().contains("2026-01-01T00:00:00Z"), "time 0 is the catalogue's epoch: " + header);
            for (String line : lines.subList(1, lines.size())) {
                JsonNode e = Wire.parse(line.getBytes());
                if (!e.get("type").asText().equals("hop")) {
                    continue;
                }
                SatId from = new SatId(e.get("from").get(0).asInt(), e.get("from").get(1).asInt());
                SatId to = new SatId(e.get("to").get(0).asInt(), e.get("to").get(1).asInt());
                assertFalse(from.equals(HOLE) || to.equals(HOLE), "no hop touches the hole: " + line);
                double t = e.get("t").asDouble();
                double km = Double.parseDouble(e.get("detail").asText().replace(" km", ""));
                double sgp4 = shell.sgp4PositionInertialKm(from, t).distance(shell.sgp4PositionInertialKm(to, t));
                assertEquals(sgp4, km, 1.0, line);
                hops++;
            }
        }
        assertTrue(hops >= 6, "hops traced: " + hops);
    }

    @Test
    void theShortestPathRouterGoesRoundTheHoleWhereNoMinimalPathDoes() throws Exception {
        Path data = TestData.projectRoot().resolve("data");
        LocalConstellation.Options o = new LocalConstellation.Options(new Orbits.Tle(shell()), 0, 0, data,
                tmp.resolve("results-shortest"), new SatId(1, 1), "shortest", false, null, null);
        try (LocalConstellation c = Testbed.inProcess(o, Duration.ofSeconds(60))) {
            GatewayClient client = new GatewayClient(c.gatewayUri());
            JsonNode done = client.await(client.submit(wordCount(List.of(new SatId(1, 2), new SatId(3, 2)), 1)).json()
                    .get("jobid").asText(), Duration.ofSeconds(60));
            assertTrue(done.path("done").asBoolean(), done.toString());
            Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(data.resolve("corpus.txt")));
            assertEquals(expected, result(done));

            // the centre of mappers (1,2) and (3,2) is the hole: the reducer moves to a satellite that is up, as in simulation
            List<SatId> mappers = List.of(new SatId(1, 2), new SatId(3, 2));
            assertEquals(HOLE, io.spacecomp.placement.ReducerPlacement.center(mappers, new io.spacecomp.orbit.shell.Torus(3, 5)));
            com.fasterxml.jackson.databind.node.ObjectNode body = wordCount(List.of(new SatId(1, 1), new SatId(3, 3), mappers.get(0),
                    mappers.get(1)), 2);
            body.put("reducer", "center");
            JsonNode plan = client.submit(body).json();
            assertTrue(plan.has("reducer") && !plan.get("reducer").toString().equals("[2,2]"), plan.toString());
            JsonNode centred = client.await(plan.get("jobid").asText(), Duration.ofSeconds(60));
            assertTrue(centred.path("done").asBoolean(), centred.toString());
            assertEquals(expected, result(centred));
        }
    }

    @Test
    void emulateScenarioRunsTheFilesCatalogueShellWithTheCoordinatorSimulateGivesJobOne() throws Exception {
        Path file = TestData.projectRoot().resolve("scenarios/examples/tle-shell.yaml");
        LiveScenario live = LiveScenario.of(StudyCommandSupport.read(file).base(), io.spacecomp.tasks.TaskRegistry.discover(),
                Home.dataDir());
        Orbits.Tle tle = assertInstanceOf(Orbits.Tle.class, live.orbits());
        assertEquals(1, tle.shell().number());
        assertEquals(new io.spacecomp.orbit.shell.Torus(34, 34), tle.geometry().torus());
        assertEquals(7, tle.shell().holes().size());
        assertEquals(java.time.Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(), tle.epochMs(), "time 0: the catalogue's epoch");
        assertEquals("shortest", live.router());
        assertTrue(tle.geometry().isUp(live.coordinator()));
        JsonNode job1 = Wire.parse(CliRun.of("simulate", "--scenario", file.toString(), "--jobs", "1", "--json").out().getBytes())
                .get("jobs").get(0);
        assertEquals(new SatId(job1.get("los").get(0).asInt(), job1.get("los").get(1).asInt()), live.coordinator());
    }

    @Test
    void emulateAndPlaneTakeTheCatalogueAndRefuseWhatItAlreadySays() {
        CliRun epoch = CliRun.of("plane", "--tle", catalogue.toString(), "--orb", "1", "--epoch", "2026-01-01T00:00:00Z", "--insecure");
        assertEquals(2, epoch.exitCode());
        assertTrue(epoch.err().contains("--epoch") && epoch.err().contains("catalogue's epoch"), epoch.err());
        CliRun sats = CliRun.of("plane", "--tle", catalogue.toString(), "--sats", "4", "--orb", "1", "--insecure");
        assertEquals(2, sats.exitCode());
        assertTrue(sats.err().contains("--sats") && sats.err().contains("5"), sats.err());
        CliRun los = CliRun.of("emulate", "--tle", catalogue.toString(), "--los", "2,2");
        assertEquals(2, los.exitCode());
        assertTrue(los.err().contains("--los") && los.err().contains("empty slot"), los.err());
        CliRun inclination = CliRun.of("emulate", "--tle", catalogue.toString(), "--inclination", "53");
        assertEquals(2, inclination.exitCode());
        assertTrue(inclination.err().contains("--inclination"), inclination.err());
        CliRun container = CliRun.of("constellation", "create", "tle-demo", "--tle", catalogue.toString());
        assertEquals(2, container.exitCode());
        assertTrue(container.err().contains("--tle") && container.err().contains("emulate --tle"), container.err());
        Path three = tmp.resolve("three.tle");
        try {
            Files.write(three, Files.readAllLines(catalogue).subList(0, 9));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun notGrid = CliRun.of("emulate", "--tle", three.toString());
        assertEquals(2, notGrid.exitCode());
        assertTrue(notGrid.err().contains(three.toString()) && notGrid.err().contains("cannot form a +Grid"), notGrid.err());
    }
}
