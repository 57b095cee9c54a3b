package io.spacecomp.tasks.builtin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocCollectorTest {

    @TempDir
    Path tmp;

    @Test
    void everyLineIsReadOnceWhateverTheSplit() throws Exception {
        // Multi-byte characters right at range boundaries, an empty line, a final line without '\\n'.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("ligne ").append(i).append(" é東京ß").append(i % 7 == 0 ? "" : " x".repeat(i % 13)).append('\n');
            if (i % 50 == 0) {
                text.append('\n');
            }
        }
        text.append("last line without newline");
        Path f = tmp.resolve("t.txt");
        Files.write(f, text.toString().getBytes(StandardCharsets.UTF_8));
        List<String> expected = List.of(text.toString().split("\n", -1));
        for (int k : new int[] {1, 2, 3, 7, 15, 64, 500, 5000}) {
            List<String> all = new ArrayList<>();
            for (int part = 1; part <= k; part++) {
                all.addAll(DocCollector.readRange(f, part, k));
            }
            assertEquals(expected, all, "k = " + k);
        }
    }
}
