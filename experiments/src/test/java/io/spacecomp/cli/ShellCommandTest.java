package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellCommandTest {

    @Test
    void jsonHasTheSpecReferenceValues() throws Exception {
        CliRun run = CliRun.of("shell", "--planes", "100", "--sats", "100", "--inclination", "87", "--altitude", "530", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        // SPEC §2: 433.5 / 307.0 / 22.7 km at u = 0°, 45°, 90°; T ≈ 95.1 min at 530 km.
        assertEquals(433.5, json.at("/inter_plane_km/u0").asDouble(), 0.05);
        assertEquals(307.0, json.at("/inter_plane_km/u45").asDouble(), 0.05);
        assertEquals(22.7, json.at("/inter_plane_km/u90").asDouble(), 0.05);
        assertEquals(95.1, json.get("period_s").asDouble() / 60.0, 0.05);
        // 100 satellites per plane: the in-plane chord equals the equatorial cross-plane chord.
        assertEquals(433.5, json.get("intra_plane_km").asDouble(), 0.05);
    }

    @Test
    void tableNamesEveryFigure() {
        CliRun run = CliRun.of("shell");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("orbital period"), run.out());
        assertTrue(run.out().contains("inter-plane link at u = 90 deg"), run.out());
        assertTrue(run.out().contains("22.689"), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--planes|2|--planes",
            "--sats|0|--sats",
            "--phasing|100|--phasing",
            "--inclination|181|--inclination",
            "--altitude|-5|--altitude",
            "--earth-radius|0|--earth-radius",
            "--planes|many|--planes",
            "--inclination|NaN|--inclination",
    })
    void badFlagsExitWithStatusTwoNamingTheFlag(String flag, String value, String named) {
        CliRun run = CliRun.of("shell", flag, value);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(named), run.err());
    }

    @Test
    void unknownFlagIsAUsageError() {
        CliRun run = CliRun.of("shell", "--plane", "10");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--plane"), run.err());
    }

    @Test
    void everySubcommandHasHelp() {
        CliRun root = CliRun.of("--help");
        assertEquals(0, root.exitCode());
        for (String name : SpaceComp.newCommandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CliRun run = CliRun.of(name, "--help");
            assertEquals(0, run.exitCode(), name);
            assertTrue(run.out().startsWith("Usage: spacecomp " + name), name + ": " + run.out());
        }
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertEquals(2, CliRun.of().exitCode());
    }
}
