package io.spacecomp.cli;

import io.spacecomp.orbit.orekit.TleCatalogue;
import io.spacecomp.orbit.orekit.TleShell;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --tle FILE [--shell K]}: a shell of a TLE catalogue as it comes, instead of a Walker shell. The grid
 * (planes, slots, phasing) is inferred from the file; the Walker-shell flags that describe what the file
 * already says are refused, and {@code --planes}/{@code --sats}, when given, must match the inferred grid.
 */
public final class TleOptions {

    /** Walker flags that have no meaning for a TLE shell. */
    private static final List<String> WALKER_ONLY = List.of("--phasing", "--inclination", "--altitude", "--earth-radius");

    @Option(names = "--tle", paramLabel = "FILE",
            description = "A TLE catalogue (2- or 3-line, any order, several shells): the grid is inferred (see `spacecomp tle-info FILE`).")
    Path tle;

    @Option(names = "--shell", paramLabel = "K",
            description = "Which shell of --tle, 1-based as `tle-info` lists them (default: the only one).")
    Integer shell;

    /** Whether {@code --tle} was given ({@code --shell} alone is refused). */
    public boolean present() {
        Flags.require(tle != null || shell == null, "--shell", "only with --tle", shell);
        return tle != null;
    }

    /**
     * The chosen shell; checks the flags that conflict with it.
     *
     * @param spec the command, to see which Walker flags were given
     */
    public TleShell load(CommandLine.Model.CommandSpec spec) {
        Flags.require(tle != null || shell == null, "--shell", "only with --tle", shell);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (String flag : WALKER_ONLY) {
            if (parsed.hasMatchedOption(flag)) {
                throw new IllegalArgumentException("invalid value for " + flag + ": it does not apply with --tle "
                        + "(the shell comes from the file; its ground stations stand on WGS84)");
            }
        }
        Flags.require(Files.isRegularFile(tle), "--tle", "a readable TLE file", tle);
        TleCatalogue catalogue;
        try {
            catalogue = TleCatalogue.read(tle);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for --tle: " + e.getMessage());
        }
        TleShell s;
        try {
            s = shell == null ? catalogue.onlyShell() : catalogue.shell(shell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for " + (shell == null ? "--tle" : "--shell") + ": " + e.getMessage());
        }
        checkMatches(parsed, "--planes", s.torus().planes(), s);
        checkMatches(parsed, "--sats", s.torus().satsPerPlane(), s);
        return s;
    }

    private static void checkMatches(CommandLine.ParseResult parsed, String flag, int inferred, TleShell s) {
        if (parsed.hasMatchedOption(flag)) {
            int given = parsed.matchedOptionValue(flag, inferred);
            Flags.require(given == inferred, flag, inferred + ", the grid inferred from --tle (" + s.torus().planes() + " planes x "
                    + s.torus().satsPerPlane() + " slots), or leave it out", given);
        }
    }
}
