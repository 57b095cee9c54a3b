package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** simulate --faults / --on-failure and the failures experiment, as a user types them. */
class FaultCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("..", "scenarios", "examples", "faults-11.yaml");

    @Test
    void simulateReplansAroundTheExamplesFaultsAndCountsExactly() throws Exception {
        String[] args = {"simulate", "--planes", "11", "--sats", "11", "--collectors", "8", "--data", "corpus.txt", "--jobs",
                "3", "--timeout", "60", "--faults", EXAMPLE.toString(), "--on-failure", "replan", "--json"};
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode jobs = JSON.readTree(run.out()).get("jobs");
        int replans = 0;
        for (JsonNode j : jobs) {
            assertTrue(j.get("done").asBoolean(), j.toString());
            assertEquals(327, j.get("result_keys").asInt());
            assertEquals(554, j.get("result_total").asInt());
            replans += j.has("replans") ? j.get("replans").size() : 0;
        }
        assertTrue(replans > 0, "the crash of (5,5) moved some work");
        assertEquals(jobs.toString(), JSON.readTree(CliRun.of(args).out()).get("jobs").toString(), "same seed, same outcomes");
    }

    /** --wire-check sends every message of a re-planning run through the emulator's codec: same jobs, same events. */
    @Test
    void underTheWireCheckAReplanningRunEndsTheSame() throws Exception {
        String[] args = {"simulate", "--planes", "11", "--sats", "11", "--collectors", "8", "--data", "corpus.txt", "--jobs",
                "3", "--timeout", "60", "--faults", EXAMPLE.toString(), "--on-failure", "replan", "--json"};
        String[] checked = java.util.Arrays.copyOf(args, args.length + 1);
        checked[args.length] = "--wire-check";
        CliRun plain = CliRun.of(args);
        CliRun wire = CliRun.of(checked);
        assertEquals(0, wire.exitCode(), wire.err());
        JsonNode a = JSON.readTree(plain.out());
        JsonNode b = JSON.readTree(wire.out());
        assertTrue(a.get("jobs").toString().contains("replans"), "the run re-plans");
        assertEquals(a.get("jobs").toString(), b.get("jobs").toString());
        assertEquals(a.get("events").asLong(), b.get("events").asLong());
    }

    @Test
    void badFaultFlagsExitTwoNamingThem(@TempDir Path tmp) throws Exception {
        CliRun policy = CliRun.of("simulate", "--on-failure", "retry");
        assertEquals(2, policy.exitCode());
        assertTrue(policy.err().contains("--on-failure") && policy.err().contains("fail, replan"), policy.err());
        Path bad = tmp.resolve("f.yaml");
        Files.writeString(bad, "faults:\n  random: {message_loss: 2}\n");
        CliRun file = CliRun.of("simulate", "--planes", "11", "--sats", "11", "--faults", bad.toString());
        assertEquals(2, file.exitCode());
        assertTrue(file.err().contains("faults.random.message_loss") && file.err().contains(":2:"), file.err());
    }

    @Test
    void failuresWritesTheSummaryTheJobsAndThePlot(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("failures", "--runs", "1", "--mtbf", "300", "--out", tmp.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        for (String f : List.of("failures.csv", "failures-jobs.csv", "failures.png", "failures.svg")) {
            assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        }
        List<String> rows = Files.readAllLines(tmp.resolve("failures.csv"));
        assertEquals(3, rows.size(), "a header, fail and replan");
        assertTrue(rows.get(1).startsWith("300,12.0000,fail,10,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("300,12.0000,replan,10,"), rows.get(2));
        assertTrue(rows.get(1).endsWith(",0") && rows.get(2).endsWith(",0"), "no inexact result: " + rows);
    }
}
