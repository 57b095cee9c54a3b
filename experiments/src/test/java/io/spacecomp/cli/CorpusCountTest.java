package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus a fresh clone ships, {@code data/sample.txt}: its word count counted here with a plain split
 * (no code shared with {@code wordcountmapper} or {@link TestData}), the figures {@code data/README.md} and
 * the README state, what {@code simulate} reports with its defaults, and what {@code job} gets with its
 * defaults from a constellation reading {@code emulate}'s default data directory: all the same.
 */
class CorpusCountTest {

    private static final Path ROOT = TestData.projectRoot();
    private static final Path SAMPLE = ROOT.resolve("data").resolve(TestData.SAMPLE);

    @TempDir
    Path tmp;

    private String homeBefore;

    @BeforeEach
    void asTheSpacecompScriptRunsIt() {
        homeBefore = System.getProperty("spacecomp.home");
        System.setProperty("spacecomp.home", ROOT.toString());
    }

    @AfterEach
    void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty("spacecomp.home");
        } else {
            System.setProperty("spacecomp.home", homeBefore);
        }
    }

    /**
     * The word-count rule written as Python's {@code for line in text.split("\n"): line.split(" ")}: the
     * file is UTF-8, a final newline ends the last line rather than starting another, a {@code \r} before
     * a newline is not part of the line, and every single space separates two words (empty ones too).
     */
    static Map<String, Long> countBySplit(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8); // refuses malformed UTF-8
        String[] lines = text.split("\n", -1);
        int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            for (String word : line.split(" ", -1)) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void theShippedCorpusCountsAsTheDocumentationSays() throws Exception {
        Map<String, Long> counts = countBySplit(SAMPLE);
        assertEquals(TestData.SAMPLE_KEYS, counts.size(), "distinct words of data/sample.txt");
        assertEquals(TestData.SAMPLE_TOTAL, total(counts), "words in all of data/sample.txt");
        assertEquals(counts, new TreeMap<>(TestData.singleProcessCount(SAMPLE)), "two independent counts agree");
        assertTrue(Files.readString(SAMPLE, StandardCharsets.UTF_8).chars().anyMatch(c -> c > 127), "some non-ASCII text");

        String keys = thousands(TestData.SAMPLE_KEYS);
        String all = thousands(TestData.SAMPLE_TOTAL);
        String dataReadme = Files.readString(ROOT.resolve("data/README.md"));
        assertTrue(dataReadme.contains("**" + keys + "**") && dataReadme.contains("**" + all + "**"),
                "data/README.md states " + keys + " distinct words, " + all + " in all");
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains(keys) && readme.contains(all), "README.md states " + keys + " and " + all);
    }

    @Test
    void simulateWithItsDefaultsCountsTheShippedCorpus() throws Exception {
        CliRun run = CliRun.of("simulate", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode job = Wire.parse(run.out().getBytes(StandardCharsets.UTF_8)).get("jobs").get(0);
        assertTrue(job.get("done").asBoolean(), job.toString());
        Map<String, Long> counts = countBySplit(SAMPLE);
        assertEquals(counts.size(), job.get("result_keys").asInt());
        assertEquals(total(counts), job.get("result_total").asLong());
    }

    /** {@code ./spacecomp emulate --planes 11 --sats 11}, then {@code ./spacecomp job -s 1 --wait 30}, from a fresh clone. */
    @Test
    void jobWithItsDefaultsCountsTheCorpusInEmulatesDefaultDataDirectory() throws Exception {
        Path dataDir = Home.dataDir(); // what emulate, plane and constellation create read without --data-dir
        assertEquals(ROOT.resolve("data"), dataDir);
        WalkerShell shell = WalkerShell.paperDefault(11, 11);
        try (LocalConstellation c = start(shell, dataDir)) {
            CliRun run = CliRun.of("job", "-u", c.gatewayUri().toString(), "-s", "1", "--wait", "120");
            assertEquals(0, run.exitCode(), run.err());
            String[] lines = run.out().strip().split("\n");
            JsonNode done = Wire.parse(lines[lines.length - 1].getBytes(StandardCharsets.UTF_8));
            assertTrue(done.path("done").asBoolean() && !done.path("failed").asBoolean(false), run.out());
            Map<String, Long> counted = new TreeMap<>();
            done.get("result").fields().forEachRemaining(e -> counted.put(e.getKey(), e.getValue().asLong()));
            assertEquals(countBySplit(SAMPLE), counted);
        }
    }

    /** An in-process constellation on a free block of loopback ports below the ephemeral range. */
    private LocalConstellation start(WalkerShell shell, Path dataDir) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
            try {
                LocalConstellation c = LocalConstellation.inProcess(new LocalConstellation.Options(shell, base, 0, dataDir,
                        tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null));
                try {
                    c.awaitHealthy(Duration.ofSeconds(60));
                } catch (IOException | InterruptedException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                return c;
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }
}
