package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.tasks.builtin.wildfire.WildfireJob;
import io.spacecomp.tasks.builtin.wildfire.WildfireScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scenarios/examples/wildfire.yaml through simulate, experiment, emulate's set-up and firemap, as a user types them. */
class WildfireScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WILDFIRE = Path.of("..", "scenarios", "examples", "wildfire.yaml");

    @Test
    void simulateReportsBytesCollectedAndDownlinkedConsistentWithTheTrace(@TempDir Path tmp) throws Exception {
        Path trace = tmp.resolve("run.jsonl");
        CliRun run = CliRun.of("simulate", "--scenario", WILDFIRE.toString(), "--json", "--trace", trace.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode job = JSON.readTree(run.out()).get("jobs").get(0);
        assertTrue(job.get("done").asBoolean(), job.toString());
        Scenario s = StudyCommandSupport.read(WILDFIRE).base();
        WildfireScene scene = new WildfireScene(WildfireJob.of(s.job().data()));
        long collected = job.get("bytes_collected").asLong();
        long downlinked = job.get("bytes_downlinked").asLong();
        assertEquals(8L * scene.widthPx() * scene.heightPx() + 52L * scene.tileCount(), collected, "every tile's TIR1 bytes");
        long collectTrace = 0;
        long mapTrace = 0;
        long responseBytes = -1;
        for (String line : Files.readAllLines(trace)) {
            JsonNode e = JSON.readTree(line);
            if (e.path("type").asText().equals("task_finished") && e.path("action").asText().equals("collect")) {
                collectTrace += e.get("bytes").asLong();
            }
            if (e.path("type").asText().equals("message_sent") && e.path("action").asText().equals("map")) {
                mapTrace += e.get("bytes").asLong();
            }
            if (e.path("type").asText().equals("message_sent") && e.path("action").asText().equals("reduce_response")) {
                responseBytes = e.get("bytes").asLong();
            }
        }
        // the collectors' output is the tiles plus a small JSON value per tile; the links carry it all
        assertTrue(collectTrace >= collected && collectTrace < collected + 60L * scene.tileCount(), collectTrace + " vs " + collected);
        assertTrue(mapTrace >= collectTrace, "map messages carry the attachments: " + mapTrace);
        assertEquals(responseBytes, downlinked + MessageSize.HEADER_BYTES, "downlinked is the result the coordinator gets");
        assertTrue(collected / downlinked >= 500, "imagery to answer: " + collected / downlinked);
        long detectable = scene.fires().stream().filter(WildfireScene.Fire::detectable).count();
        int alerts = job.get("result").get("alerts").asInt();
        assertTrue(alerts >= detectable && alerts <= scene.fires().size(), alerts + " alerts, " + detectable + " detectable fires");
    }

    @Test
    void experimentComparesAllocatorsAndReducerPlacementsAndFiremapDrawsTheJob(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("experiment", "--scenario", WILDFIRE.toString(), "--quick", "--runs", "1", "--quiet", "--out",
                tmp.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> csv = Files.readAllLines(tmp.resolve("wildfire-job-time.csv"));
        String all = String.join("\n", csv);
        for (String strategy : List.of("bipartite", "lapjv", "eager", "random", "center", "los", "median")) {
            assertTrue(all.contains(strategy), strategy + " in\n" + all);
        }
        assertTrue(Files.size(tmp.resolve("wildfire-job-time.png")) > 1000);

        Path png = tmp.resolve("map.png");
        CliRun map = CliRun.of("firemap", "--scenario", WILDFIRE.toString(), "--out", png.toString());
        assertEquals(0, map.exitCode(), map.err());
        assertTrue(map.out().contains("12 fires planted"), map.out());
        assertTrue(Files.size(png) > 10_000 && Files.exists(tmp.resolve("map.svg")));
    }

    @Test
    void emulateStartsTheScenariosShellAndTheJobDataFileIsTheScenarios() throws Exception {
        Scenario s = StudyCommandSupport.read(WILDFIRE).base();
        LiveScenario live = LiveScenario.of(s, io.spacecomp.tasks.TaskRegistry.discover(), Home.dataDir());
        assertEquals(11, live.shell().planes());
        assertEquals(11, live.shell().satsPerPlane());
        assertEquals("distance-aware", live.router());
        // what `job -d data/wildfire.json` submits is what simulate runs
        assertEquals(s.job().data(), JSON.readTree(Path.of("..", "data", "wildfire.json").toFile()));
        assertEquals(10.0, s.cost().flightSlowdown());
        assertEquals(List.of("thermaltiles", "firedetect", "firealerts"),
                List.of(s.job().tasks().collect(), s.job().tasks().map(), s.job().tasks().reduce()));
    }
}
