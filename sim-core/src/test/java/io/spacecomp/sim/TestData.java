package io.spacecomp.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Locates the test corpora and counts words in one process, independently of the tasks under test. */
public final class TestData {

    private static volatile boolean noted;

    private TestData() {
    }

    /** The project root: the first ancestor holding {@code data/corpus.txt}. */
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("data/corpus.txt"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the project's data/corpus.txt above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** {@code ../shared/data} beside the project, when present (CI has it). */
    public static Path sharedData() {
        return projectRoot().getParent().resolve("shared/data");
    }

    public static boolean hasSharedSample() {
        return Files.isRegularFile(sharedData().resolve("sample.txt"));
    }

    /** The shared sample's directory when present, else the project's own data directory. */
    public static Path dataDir() {
        if (hasSharedSample()) {
            return sharedData();
        }
        if (!noted) {
            noted = true;
            System.err.println("NOTE: ../shared/data/sample.txt not found; word-count tests use data/corpus.txt instead");
        }
        return projectRoot().resolve("data");
    }

    public static String fileName() {
        return hasSharedSample() ? "sample.txt" : "corpus.txt";
    }

    /** Word counts by reading the whole file as one string: lines split on '\n', words on each single space. */
    public static Map<String, Long> singleProcessCount(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Map<String, Long> counts = new HashMap<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            int w = lineStart;
            for (int i = lineStart; i <= lineEnd; i++) {
                if (i == lineEnd || text.charAt(i) == ' ') {
                    counts.merge(text.substring(w, i), 1L, Long::sum);
                    w = i + 1;
                }
            }
            lineStart = lineEnd + 1;
        }
        return counts;
    }
}
