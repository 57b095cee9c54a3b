package io.spacecomp.experiments;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the project's own files are: the repository root is the first ancestor (of the running code,
 * else of the working directory) that holds {@code data/corpus.txt} and {@code pom.xml}.
 */
public final class ProjectPaths {

    /** The word-count file the contention experiments' jobs read, inside {@link #dataDir()}. */
    public static final String CORPUS = "corpus.txt";

    private ProjectPaths() {
    }

    public static Optional<Path> root() {
        Optional<Path> fromCode = codeLocation().flatMap(ProjectPaths::rootAbove);
        return fromCode.isPresent() ? fromCode : rootAbove(Path.of("").toAbsolutePath());
    }

    /** The project's data directory (collectors read only there). */
    public static Path dataDir() {
        return root().map(r -> r.resolve("data")).orElseThrow(() -> new IllegalStateException(
                "cannot find the project's data/" + CORPUS + " above " + Path.of("").toAbsolutePath()));
    }

    /** The default output directory: the project's {@code results/}, else {@code ./results}. */
    public static Path defaultResults() {
        return root().map(r -> r.resolve("results")).orElse(Path.of("results").toAbsolutePath());
    }

    /** Where {@code --quick} writes unless told otherwise: never over the committed results. */
    public static Path defaultQuickResults() {
        return root().map(r -> r.resolve("experiments/target/quick-results"))
                .orElse(Path.of("quick-results").toAbsolutePath());
    }

    private static Optional<Path> rootAbove(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("data").resolve(CORPUS)) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = ProjectPaths.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
