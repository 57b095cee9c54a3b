package io.spacecomp.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The NAME and {@code --dir} every {@code constellation} subcommand takes: where constellation NAME lives. */
final class ConstellationName {
    @Parameters(index = "0", paramLabel = "NAME", description = "Constellation name (lower-case letters, digits, '_', '-').")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where constellations are kept (default: the project's constellations/).")
    Path base;

    /** {@code DIR/NAME}, by default {@code constellations/NAME} under the project. */
    Path dir() {
        Flags.require(name.matches("[a-z0-9][a-z0-9_-]{0,40}"), "NAME", "1-41 lower-case letters, digits, '_' or '-'", name);
        return (base != null ? base : Home.root().resolve("constellations")).resolve(name);
    }
}
