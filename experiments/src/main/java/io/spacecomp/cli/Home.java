package io.spacecomp.cli;

import java.nio.file.Path;

/** Where the project lives: the {@code spacecomp} script passes it as {@code -Dspacecomp.home}. */
final class Home {

    private Home() {
    }

    static Path root() {
        String home = System.getProperty("spacecomp.home");
        // without the script's property (tests, an IDE), the checkout the code runs from, else the working directory
        return home != null ? Path.of(home) : io.spacecomp.experiments.ProjectPaths.root().orElse(Path.of("").toAbsolutePath());
    }

    /** The project's own data directory, the collectors' default. */
    static Path dataDir() {
        return root().resolve("data");
    }
}
