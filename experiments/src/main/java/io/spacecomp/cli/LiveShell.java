package io.spacecomp.cli;

import io.spacecomp.emulator.plane.Orbits;
import io.spacecomp.orbit.shell.WalkerShell;
import picocli.CommandLine;

/** The live commands name their shell explicitly: a 100×100 default would start 100 processes by accident. */
final class LiveShell {

    private LiveShell() {
    }

    /**
     * The shell of {@code --tle FILE [--shell K]} (its grid inferred, time 0 its epoch), else the Walker shell the
     * flags name explicitly.
     */
    static Orbits orbits(ShellOptions options, TleOptions tle, CommandLine.Model.CommandSpec spec) {
        if (tle.present()) {
            return new Orbits.Tle(tle.load(spec));
        }
        return new Orbits.Walker(require(options, spec));
    }

    static WalkerShell require(ShellOptions options, CommandLine.Model.CommandSpec spec) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (String flag : new String[] {"--planes", "--sats"}) {
            if (!parsed.hasMatchedOption(flag)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '" + flag
                        + "' (the live testbed needs the shell's size, e.g. --planes 11 --sats 11)");
            }
        }
        return options.toShell();
    }

    /** Blocks until the JVM shuts down (Ctrl-C, SIGTERM) or {@code parentPid} (if ≥ 0) exits. */
    static void awaitShutdown(long parentPid) throws InterruptedException {
        java.util.Optional<ProcessHandle> parent = parentPid >= 0 ? ProcessHandle.of(parentPid) : java.util.Optional.empty();
        if (parentPid >= 0 && parent.isEmpty()) {
            return; // the parent is already gone
        }
        while (true) {
            Thread.sleep(500);
            if (parent.isPresent() && !parent.get().isAlive()) {
                return; // no orphans: a plane dies with the launcher that started it
            }
        }
    }
}
