package io.spacecomp.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Locates the test corpora and counts words in one process, independently of the tasks under test.
 *
 * <p>The word-count tests read the project's own {@code data/sample.txt}, whose single-process count
 * {@code data/README.md} states ({@link #SAMPLE_KEYS}, {@link #SAMPLE_TOTAL}). The reference corpus
 * {@code ../shared/data/sample.txt} beside a checkout is an extra input of a few tests when it is there,
 * never a requirement.
 */
public final class TestData {

    /** The project's word-count corpus, in {@link #dataDir()}: what {@code job} and {@code simulate} count by default. */
    public static final String SAMPLE = "sample.txt";
    /** Distinct words of {@code data/sample.txt} (data/README.md). */
    public static final int SAMPLE_KEYS = 45_259;
    /** Words in all of {@code data/sample.txt} (data/README.md). */
    public static final long SAMPLE_TOTAL = 251_946L;

    /** Distinct words of the reference corpus {@code ../shared/data/sample.txt}, when present. */
    public static final int SHARED_SAMPLE_KEYS = 7_128;
    /** Words in all of the reference corpus {@code ../shared/data/sample.txt}, when present. */
    public static final long SHARED_SAMPLE_TOTAL = 333_280L;

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

    /** The project's own data directory: {@code sample.txt} and {@code corpus.txt}. */
    public static Path dataDir() {
        return projectRoot().resolve("data");
    }

    /** The word-count tests' file in {@link #dataDir()}. */
    public static String fileName() {
        return SAMPLE;
    }

    /** {@code ../shared/data/sample.txt} beside the project, when present: an extra input, never required. */
    public static Optional<Path> sharedSample() {
        Path p = projectRoot().getParent().resolve("shared/data/sample.txt");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public static boolean hasSharedSample() {
        return sharedSample().isPresent();
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
