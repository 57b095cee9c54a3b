package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import io.spacecomp.tasks.TaskClasspath;
import io.spacecomp.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example project's jar ({@code examples/custom-task}, built by the reactor before these tests and kept
 * off their class path) loaded with {@code --tasks}: in simulation, in plane processes, and into a Docker
 * compose project; and the built-in {@code wordcountfile} reducer's file, fetched with {@code job -i -f}.
 */
class CustomTaskTest {

    @TempDir
    Path tmp;

    static Path jar() {
        Path p = Path.of(System.getProperty("spacecomp.example.jar", "examples/custom-task/target/custom-task.jar"));
        assertTrue(Files.isRegularFile(p), "the example jar is built before these tests: " + p);
        return p.toAbsolutePath().normalize();
    }

    /** The word-length histogram of corpus.txt, from the single-process word count: nothing of the example's code. */
    static JsonNode expectedHistogram() throws Exception {
        Map<String, Long> words = TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt"));
        TreeMap<Integer, Long> byLength = new TreeMap<>();
        long total = 0;
        long letters = 0;
        for (Map.Entry<String, Long> e : words.entrySet()) {
            int length = e.getKey().codePointCount(0, e.getKey().length());
            byLength.merge(length, e.getValue(), Long::sum);
            total += e.getValue();
            letters += (long) length * e.getValue();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("words", total);
        o.put("letters", letters);
        ObjectNode h = o.putObject("histogram");
        byLength.forEach((k, v) -> h.put(Integer.toString(k), v));
        return o;
    }

    static String data() {
        return TestData.projectRoot().resolve("data").toString();
    }

    @Test
    void theExampleIsNotOnTheClassPath() {
        assertFalse(TaskRegistry.discover().mappers().containsKey("wordlengths"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.spacecomp.WordLengthMapper"));
        TaskClasspath loaded = TaskClasspath.load(List.of(new TaskClasspath.Jar(jar(), "--tasks")));
        assertTrue(loaded.registry().mappers().containsKey("wordlengths"));
        assertTrue(loaded.registry().reducers().containsKey("lengthhistogram"));
    }

    @Test
    void simulateRunsTheJarsTasksExactly() throws Exception {
        CliRun run = CliRun.of("simulate", "--data-dir", data(), "--data", "corpus.txt", "--planes", "11", "--sats", "11",
                "--tasks", jar().toString(), "-mt", "wordlengths",
                "-rt", "lengthhistogram", "-mr", "7", "--jobs", "2", "--result", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = Wire.parse(run.out().getBytes());
        JsonNode want = expectedHistogram();
        assertEquals(2, out.get("jobs").size());
        for (JsonNode job : out.get("jobs")) {
            assertTrue(job.get("done").asBoolean(), job.toString());
            assertEquals(want.toString(), job.get("result").toString());
            assertFalse(job.has("result_keys"), "not a {key: count} result: " + job);
        }
    }

    @Test
    void simulateTakesJobsTaskFlagsAndJobData() throws Exception {
        Map<String, Long> words = TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt"));
        long total = words.values().stream().mapToLong(Long::longValue).sum();
        Path jobData = Files.writeString(tmp.resolve("job.json"), "{\"filename\": \"data/corpus.txt\"}");
        // linecountingcollector (a sim-core test task) emits {word: count} per line, which the combiner merges
        for (List<String> flags : List.of(List.of("-ct", "linecountingcollector", "--skip-map", "--data", "corpus.txt"),
                List.of("-ct", "linecountingcollector", "--skip-map", "-cbt", "mergecombiner", "-mr", "3", "--data", "corpus.txt"),
                List.of("-d", jobData.toString(), "-mt", "wordcountmapper", "-rt", "sumreducer"))) {
            List<String> args = new java.util.ArrayList<>(List.of("simulate", "--data-dir", data(), "--planes", "11", "--sats", "11",
                    "--json"));
            args.addAll(flags);
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertEquals(0, run.exitCode(), run.err());
            JsonNode job = Wire.parse(run.out().getBytes()).get("jobs").get(0);
            assertEquals(words.size(), job.get("result_keys").asInt(), flags + ": " + job);
            assertEquals(total, job.get("result_total").asLong(), flags + ": " + job);
        }
        CliRun noCombiner = CliRun.of("simulate", "--data-dir", data(), "--skip-map", "-cbt", "sumreducer");
        assertEquals(2, noCombiner.exitCode());
        assertTrue(noCombiner.err().contains("invalid value for -cbt/--combinetask: sumreducer (allowed: mergecombiner)"), noCombiner.err());
    }

    @Test
    void simulateNamesTheFlagOfAnUnknownTaskAndOfABadJar() {
        CliRun noJar = CliRun.of("simulate", "--data-dir", data(), "--planes", "5", "--sats", "5", "--aoi-min", "1", "--aoi-max", "4", "--collectors", "2",
                "-mt", "wordlengths");
        assertEquals(2, noJar.exitCode());
        // (the sim-core test jar's test tasks are on this class path too)
        assertTrue(noJar.err().matches("(?s).*invalid value for -mt/--maptask: wordlengths \\(allowed: [^)]*wordcountmapper\\).*"), noJar.err());
        CliRun badReducer = CliRun.of("simulate", "--data-dir", data(), "--tasks", jar().toString(), "-rt", "nosuch");
        assertEquals(2, badReducer.exitCode());
        assertTrue(badReducer.err().matches("(?s).*-rt/--reducetask: nosuch \\(allowed: [^)]*lengthhistogram, sumreducer, [^)]*wordcountfile\\).*"),
                badReducer.err());
        Path missing = tmp.resolve("missing.jar");
        CliRun badJar = CliRun.of("simulate", "--data-dir", data(), "--tasks", missing.toString());
        assertEquals(2, badJar.exitCode());
        assertTrue(badJar.err().contains("invalid value for --tasks: " + missing + " does not exist"), badJar.err());
        CliRun plane = CliRun.of("plane", "--planes", "3", "--sats", "3", "--orb", "1", "--data-dir", data(), "--tasks", missing.toString());
        assertEquals(2, plane.exitCode());
        assertTrue(plane.err().contains("invalid value for --tasks: " + missing), plane.err());
        CliRun experiment = CliRun.of("experiment", "map-contention", "--quick", "--tasks", missing.toString());
        assertEquals(2, experiment.exitCode());
        assertTrue(experiment.err().contains("invalid value for --tasks: " + missing), experiment.err());
        CliRun both = CliRun.of("simulate", "--data-dir", data(), "--data", "corpus.txt", "-d", missing.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--data") && both.err().contains("-d/--job-data"), both.err());
    }

    @Test
    void planeProcessesLoadTheJarAndJobRunsItAndFetchesAResultFile() throws Exception {
        Path data = TestData.projectRoot().resolve("data");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SpaceComp.class.getName(), "plane");
        TaskClasspath tasks = TaskClasspath.load(List.of(new TaskClasspath.Jar(jar(), "--tasks")));
        String output = "wordcount-" + UUID.randomUUID() + ".csv";
        Path downloaded = Path.of(output); // job -f writes into the current directory, as job.py
        try (LocalConstellation c = EmulateProcessesTest.start(new LocalConstellation.Options(WalkerShell.paperDefault(3, 3), 0, 0,
                data, tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null, tasks), command)) {
            c.awaitHealthy(Duration.ofSeconds(120));
            Path jobData = Files.writeString(tmp.resolve("job.json"), "{\"filename\": \"corpus.txt\", \"output\": \"" + output + "\"}");
            CliRun run = CliRun.of("job", "-u", c.gatewayUri().toString(), "-mi", "1", "-ma", "3", "-c", "4", "-s", "5",
                    "-mt", "wordlengths", "-rt", "lengthhistogram", "-mr", "9", "-d", jobData.toString(), "--wait", "60");
            assertEquals(0, run.exitCode(), run.out() + run.err());
            JsonNode done = Wire.parse(run.out().trim().split("\n")[1].getBytes());
            assertTrue(done.get("done").asBoolean(), done.toString());
            assertEquals(expectedHistogram().toString(), done.get("result").toString());

            // The built-in file reducer: the outcome lists the file, job -i ID -f NAME fetches it.
            CliRun file = CliRun.of("job", "-u", c.gatewayUri().toString(), "-mi", "1", "-ma", "3", "-c", "4", "-s", "5",
                    "-rt", "wordcountfile", "-d", jobData.toString(), "--wait", "60");
            assertEquals(0, file.exitCode(), file.out() + file.err());
            String[] lines = file.out().trim().split("\n");
            String id = Wire.parse(lines[0].getBytes()).get("jobid").asText();
            assertEquals("{\"files\":[\"" + output + "\"]}", Wire.parse(lines[1].getBytes()).get("result").toString());
            CliRun fetch = CliRun.of("job", "-u", c.gatewayUri().toString(), "-i", id, "-f", output);
            assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
            assertEquals("Downloaded " + output, fetch.out().trim());

            // The same job in simulation writes the same bytes.
            Path simResults = tmp.resolve("sim");
            CliRun sim = CliRun.of("simulate", "--data-dir", data(), "--planes", "3", "--sats", "3", "--aoi-min", "1", "--aoi-max", "3", "--collectors", "4",
                    "-rt", "wordcountfile", "-d", jobData.toString(), "--result-dir", simResults.toString(), "--json");
            assertEquals(0, sim.exitCode(), sim.err());
            assertArrayEquals(Files.readAllBytes(simResults.resolve("job-1").resolve(output)), Files.readAllBytes(downloaded));
            assertTrue(Files.readString(downloaded).startsWith("word,count\n"));
        } finally {
            Files.deleteIfExists(downloaded);
        }
    }

    @Test
    void constellationCreateCopiesTheJarsAndMountsThemIntoEveryPlane() throws Exception {
        CliRun run = CliRun.of("constellation", "create", "withtasks", "--planes", "3", "--sats", "3", "--dir", tmp.toString(),
                "--data-dir", data(), "--tasks", jar().toString());
        assertEquals(0, run.exitCode(), run.err());
        Path dir = tmp.resolve("withtasks");
        assertArrayEquals(Files.readAllBytes(jar()), Files.readAllBytes(dir.resolve("tasks/custom-task.jar")));
        String yaml = Files.readString(dir.resolve("compose.yaml"));
        String mount = dir.resolve("tasks").toAbsolutePath() + ":/opt/spacecomp/tasks:ro";
        assertEquals(3, count(yaml, mount), yaml);
        assertEquals(3, count(yaml, "\"--tasks\", \"/opt/spacecomp/tasks/*\""), yaml);
        assertTrue(run.out().contains("custom-task.jar"), run.out());

        CliRun bad = CliRun.of("constellation", "create", "badtasks", "--planes", "3", "--sats", "3", "--dir", tmp.toString(), "--data-dir", data(),
                "--tasks", tmp.resolve("withtasks/compose.yaml").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("invalid value for --tasks") && bad.err().contains("is not a jar"), bad.err());
        assertFalse(Files.exists(tmp.resolve("badtasks")), "nothing written for a refused constellation");
    }

    @Test
    void upAddsJarsToAConstellationsTasksAndRefusesTwoOfOneFileName() throws Exception {
        CliRun run = CliRun.of("constellation", "create", "later", "--planes", "3", "--sats", "3", "--dir", tmp.toString(),
                "--data-dir", data());
        assertEquals(0, run.exitCode(), run.err());
        Path dir = tmp.resolve("later");
        assertTrue(Files.isDirectory(dir.resolve("tasks")), "the tasks directory is there, empty, and mounted");
        assertTrue(Files.readString(dir.resolve("compose.yaml")).contains("\"--tasks\", \"/opt/spacecomp/tasks/*\""));
        TaskClasspath one = TaskClasspath.load(List.of(new TaskClasspath.Jar(jar(), "--tasks")));
        assertEquals(List.of("custom-task.jar"), ConstellationCommand.installTasks(dir, one, false));
        Path copy = Files.createDirectories(tmp.resolve("elsewhere")).resolve("custom-task.jar");
        Files.copy(jar(), copy);
        TaskClasspath two = TaskClasspath.load(List.of(new TaskClasspath.Jar(jar(), "--tasks"), new TaskClasspath.Jar(copy, "--tasks")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConstellationCommand.installTasks(dir, two, false));
        assertTrue(e.getMessage().startsWith("invalid value for --tasks") && e.getMessage().contains("distinct file names"), e.getMessage());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
