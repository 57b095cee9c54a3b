package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario flag of experiment and simulate, as a user types them. */
class ScenarioCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path POLAR = Path.of("..", "scenarios", "examples", "polar-100.yaml");

    @Test
    void simulateRunsTheScenariosJobsThroughTheProtocolExactly() throws Exception {
        CliRun run = CliRun.of("simulate", "--scenario", POLAR.toString(), "--jobs", "3", "--allocator", "lapjv", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode jobs = JSON.readTree(run.out()).get("jobs");
        assertEquals(3, jobs.size());
        // the single-process count of data/corpus.txt: lines, each split at every single space (Python's split(" "))
        String text = Files.readString(Path.of("..", "data", "corpus.txt"));
        String[] lines = text.split("\r?\n", -1);
        long words = 0;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < lines.length - (text.endsWith("\n") ? 1 : 0); i++) {
            for (String w : lines[i].split(" ", -1)) {
                words++;
                keys.add(w);
            }
        }
        for (JsonNode j : jobs) {
            assertTrue(j.get("done").asBoolean(), j.toString());
            assertEquals("lapjv/center/manhattan", j.get("strategy").asText());
            assertEquals(words, j.get("result_total").asLong());
            assertEquals(keys.size(), j.get("result_keys").asInt());
            assertEquals(jobs.get(0).get("epoch_s").asDouble(), j.get("epoch_s").asDouble(), 0.0, "all jobs at one time");
            assertTrue(j.get("station").asText().matches("Darmstadt|Kiruna|Madrid"), j.toString());
        }
        CliRun again = CliRun.of("simulate", "--scenario", POLAR.toString(), "--jobs", "3", "--allocator", "lapjv", "--json");
        assertEquals(JSON.readTree(run.out()).get("jobs"), JSON.readTree(again.out()).get("jobs"), "same file, same jobs");
    }

    @Test
    void emulateTakesTheShellRouterAndTheCoordinatorSimulateGivesJobOne() throws Exception {
        Path file = Path.of("..", "scenarios", "examples", "testbed-11.yaml");
        LiveScenario live = LiveScenario.of(StudyCommandSupport.read(file).base(),
                io.spacecomp.tasks.TaskRegistry.discover(), Home.dataDir());
        assertEquals(11, live.shell().planes());
        assertEquals(87.0, live.shell().inclinationDeg());
        assertEquals("distance-aware", live.router());
        JsonNode job1 = JSON.readTree(CliRun.of("simulate", "--scenario", file.toString(), "--jobs", "1", "--json").out())
                .get("jobs").get(0);
        assertEquals(job1.get("los").get(0).asInt(), live.coordinator().sat());
        assertEquals(job1.get("los").get(1).asInt(), live.coordinator().orb());
        assertEquals(job1.get("station").asText(), live.station());
        CliRun clash = CliRun.of("emulate", "--scenario", file.toString(), "--planes", "3");
        assertEquals(2, clash.exitCode());
        assertTrue(clash.err().contains("--planes") && clash.err().contains("not with --scenario"), clash.err());
    }

    @Test
    void simulatePrintsEachJobsGroundTimeWithTheLegsTheSnapshotKeySays(@TempDir Path dir) throws Exception {
        String scenario = String.join("\n", "name: legs", "seed: 3",
                "constellation: {walker: {planes: 40, sats: 40, inclination_deg: 53, altitude_km: 550}}",
                "aoi: {lat_min: 35, lat_max: 60, lon_min: -10, lon_max: 30, pass: any}",
                "ground_stations: {stations: [{name: Madrid, lat: 40.43, lon: -3.70, alt_m: 650}], min_elevation_deg: 25, snapshot: SNAP}",
                "job: {collectors: 3, data: {filename: corpus.txt}}", "");
        double c = 299_792.458;
        var madrid = new io.spacecomp.orbit.ground.GroundStation("Madrid", 40.43, -3.70, 650, 25);
        var g = new io.spacecomp.orbit.geometry.CircularOrbitGeometry(new io.spacecomp.orbit.shell.WalkerShell(40, 40, 0, 53, 550, 6371));
        for (String snap : new String[] {"true", "false"}) {
            Path file = dir.resolve("legs-" + snap + ".yaml");
            Files.writeString(file, scenario.replace("SNAP", snap));
            CliRun run = CliRun.of("simulate", "--scenario", file.toString(), "--json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode job = JSON.readTree(run.out()).get("jobs").get(0);
            assertTrue(job.get("done").asBoolean(), run.out());
            var los = new io.spacecomp.orbit.shell.SatId(job.get("los").get(0).asInt(), job.get("los").get(1).asInt());
            double upS = io.spacecomp.orbit.ground.Visibility.site(g, madrid).rangeKm(g.positionEarthFixedKm(los, job.get("epoch_s")
                    .asDouble())) / c;
            double legs = job.get("ground_time_s").asDouble() - job.get("job_time_s").asDouble();
            // snapshot: down the way it went up; with time the LOS moved for the job's fraction of a second: microseconds
            assertEquals(2 * upS, legs, snap.equals("true") ? 1e-10 : 1e-5, snap + ": " + job);
        }
    }

    @Test
    void simulateRefusesFlagsTheFileSets() {
        CliRun run = CliRun.of("simulate", "--scenario", POLAR.toString(), "--planes", "20");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--planes: not with --scenario"), run.err());
    }

    @Test
    void badScenarioExitsTwoNamingKeyAndLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nconstellation:\n  walker: {planes: 20, sats: 20, inclination_deg: 200, altitude_km: 550}\n");
        for (String command : new String[] {"experiment", "simulate"}) {
            CliRun run = CliRun.of(command, "--scenario", bad.toString());
            assertEquals(2, run.exitCode(), command);
            assertTrue(run.err().contains(bad + ":3: constellation.walker.inclination_deg: 200 is not in [0, 180]"), run.err());
        }
        Path task = tmp.resolve("task.yaml");
        Files.writeString(task, Files.readString(POLAR).replace("  collectors: 0.2            # swept below",
                "  collectors: 0.2\n  tasks: {map: wordcountmaper}"));
        for (String command : new String[] {"experiment", "simulate"}) {
            CliRun run = CliRun.of(command, "--scenario", task.toString(), "--json");
            assertEquals(2, run.exitCode(), command + ": " + run.out());
            assertTrue(run.err().contains("job.tasks.map: 'wordcountmaper' is not a task of this kind (known: "), run.err());
        }
        CliRun missing = CliRun.of("experiment", "--scenario", tmp.resolve("none.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--scenario"), missing.err());
    }

    @Test
    void experimentWritesEveryMetricIntoTheGivenFolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("polar");
        CliRun run = CliRun.of("experiment", "--scenario", POLAR.toString(), "--quick", "--runs", "2", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String metric : new String[] {"map-cost", "reduce-cost", "distance", "hops", "job-time"}) {
            for (String ext : new String[] {"csv", "png", "svg", "json"}) {
                Path f = out.resolve("polar-100-" + metric + "." + ext);
                assertTrue(Files.size(f) > 100, f.toString());
            }
        }
        assertTrue(run.out().contains("bipartite/center/distance-aware"), run.out());
        CliRun withName = CliRun.of("experiment", "map-allocation", "--scenario", POLAR.toString());
        assertEquals(2, withName.exitCode());
        CliRun planes = CliRun.of("experiment", "--scenario", POLAR.toString(), "--planes", "30");
        assertEquals(2, planes.exitCode());
        assertTrue(planes.err().contains("--planes") && planes.err().contains("no --planes with a study"), planes.err());
    }

    @Test
    void defaultOutputIsNamedByTheScenarioNeverResults() {
        Path out = StudyCommandSupport.defaultOut("starlink-53");
        assertEquals(Path.of("starlink-53").toAbsolutePath().normalize(), out);
        assertFalse(StudyCommandSupport.defaultOut("results").equals(io.spacecomp.experiments.ProjectPaths.defaultResults()
                .toAbsolutePath().normalize()));
    }
}
