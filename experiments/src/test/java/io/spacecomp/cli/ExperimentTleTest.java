package io.spacecomp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code experiment --tle FILE [--shell K]}: the scenario code path with the catalogue's shell as the constellation. */
class ExperimentTleTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path EXAMPLE = ROOT.resolve("data/tle/example-multishell.tle");

    @Test
    void theFlagRunsWhatAScenarioGivingOnlyThatConstellationRuns(@TempDir Path dir) throws Exception {
        Path flagOut = dir.resolve("flag");
        CliRun flag = CliRun.of("experiment", "--tle", EXAMPLE.toString(), "--shell", "3", "--quick", "--runs", "2", "--quiet",
                "--out", flagOut.toString());
        assertEquals(0, flag.exitCode(), flag.err());
        assertTrue(flag.out().startsWith("tle-example-multishell-shell3: 2 runs x 1 strategies, 0 failed jobs"), flag.out());
        Path file = dir.resolve("only-constellation.yaml");
        Files.writeString(file, "name: tle-example-multishell-shell3\nconstellation: {tle: " + EXAMPLE + ", shell: 3}\n");
        Path fileOut = dir.resolve("file");
        CliRun scenario = CliRun.of("experiment", "--scenario", file.toString(), "--quick", "--runs", "2", "--quiet",
                "--out", fileOut.toString());
        assertEquals(0, scenario.exitCode(), scenario.err());
        for (String metric : List.of("map-cost", "reduce-cost", "distance", "hops", "job-time")) {
            String csv = "tle-example-multishell-shell3-" + metric + ".csv";
            assertArrayEquals(Files.readAllBytes(fileOut.resolve(csv)), Files.readAllBytes(flagOut.resolve(csv)), csv);
        }
        String json = Files.readString(flagOut.resolve("tle-example-multishell-shell3-hops.json"));
        assertTrue(json.contains("\"tle example-multishell.tle shell 3\""), json);
        assertEquals(Files.readString(fileOut.resolve("tle-example-multishell-shell3-hops.json")).replaceAll("\"versions\".*?}", ""),
                json.replaceAll("\"versions\".*?}", ""));
    }

    @Test
    void aScenarioTakesTheCatalogueInPlaceOfItsConstellationUnlessItSweepsIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("polar");
        CliRun polar = CliRun.of("experiment", "--scenario", ROOT.resolve("scenarios/examples/polar-100.yaml").toString(),
                "--tle", EXAMPLE.toString(), "--shell", "1", "--quick", "--runs", "1", "--quiet", "--out", out.toString());
        assertEquals(0, polar.exitCode(), polar.err());
        assertTrue(Files.readString(out.resolve("polar-100-hops.json")).contains("\"tle example-multishell.tle shell 1\""));
        assertTrue(Files.readString(out.resolve("polar-100-hops.csv")).lines().skip(1).allMatch(l -> l.contains(",34,34,")),
                "the 34 x 34 grid of shell 1 in every row");

        CliRun swept = CliRun.of("experiment", "--scenario", ROOT.resolve("scenarios/examples/starlink-53.yaml").toString(),
                "--tle", EXAMPLE.toString(), "--shell", "1", "--quick", "--quiet", "--out", dir.resolve("no").toString());
        assertEquals(2, swept.exitCode());
        assertTrue(swept.err().matches("(?s).*starlink-53\\.yaml:\\d+: sweep\\.constellation\\.walker\\.planes: sweeps the "
                + "constellation, which --tle replaces.*"), swept.err());
        CliRun paper = CliRun.of("experiment", "map-cost", "--tle", EXAMPLE.toString(), "--shell", "1");
        assertEquals(2, paper.exitCode());
        assertTrue(paper.err().contains("--tle") && paper.err().contains("study"), paper.err());
        CliRun noShell = CliRun.of("experiment", "--tle", EXAMPLE.toString());
        assertEquals(2, noShell.exitCode());
        assertTrue(noShell.err().contains("--tle") && noShell.err().contains("3 shells"), noShell.err());
        Path three = dir.resolve("three.tle");
        Files.write(three, Files.readAllLines(ROOT.resolve("data/tle/walker-100x100-87deg-530km.tle")).subList(0, 9));
        CliRun noGrid = CliRun.of("experiment", "--tle", three.toString());
        assertEquals(2, noGrid.exitCode());
        assertTrue(noGrid.err().contains(three.toString()) && noGrid.err().contains("cannot form a +Grid"), noGrid.err());
    }
}
