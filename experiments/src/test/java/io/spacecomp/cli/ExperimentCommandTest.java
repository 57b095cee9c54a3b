package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentCommandTest {

    @Test
    void quickExperimentWritesItsFourFilesAndPrintsItsJson(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("experiment", "map-allocation", "--quick", "--runs", "2", "--planes", "50",
                "--out", out.toString(), "--json", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("map-allocation", json.get("experiment").asText());
        assertEquals(2, json.get("runs").asInt());
        assertTrue(json.at("/summary/improvement_vs_random_pct/50").isNumber(), run.out());
        for (String ext : new String[] {"csv", "png", "svg", "json"}) {
            assertTrue(Files.size(out.resolve("map-allocation." + ext)) > 0, ext);
        }
        assertEquals(1 + 2 * 3, Files.readAllLines(out.resolve("map-allocation.csv")).size());
    }

    @Test
    void tableOutputNamesTheFilesAndTheHeadlines(@TempDir Path out) {
        CliRun run = CliRun.of("experiment", "reduce-placement", "--runs", "1", "--planes", "50", "--out", out.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("reduce-placement (Fig. 7): 3 rows"), run.out());
        assertTrue(run.out().contains("center_vs_los_reduction_pct"), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "experiment|map-cost|--runs|0|--runs",
            "experiment|map-cost|--runs|1001|--runs",
            "experiment|map-cost|--runs|many|--runs",
            "experiment|map-cost|--planes|10|--planes",
            "experiment|map-cost|--planes|50,abc|--planes",
            "experiment|map-cost|--planes|50,50|--planes",
            "experiment|map-cost|--threads|0|--threads",
            "experiment|map-cost|--seed|x|--seed",
            "reproduce|--quick|--runs|-1|--runs",
            "reproduce|--quick|--threads|9999|--threads",
    })
    void badFlagsExitWithStatusTwoNamingTheFlag(String cmd, String arg, String flag, String value, String named) {
        CliRun run = CliRun.of(cmd, arg, flag, value, "--quiet");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(named), run.err());
    }

    @Test
    void unknownExperimentListsTheAllowedNames() {
        CliRun run = CliRun.of("experiment", "fig-11", "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("NAME") && run.err().contains("fig-11"), run.err());
        assertTrue(run.err().contains("routing-distance") && run.err().contains("reduce-contention"), run.err());
    }

    @Test
    void outMustBeADirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = CliRun.of("experiment", "map-cost", "--quick", "--out", file.toString(), "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--out"), run.err());
    }
}
