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

    @Test
    void aShareReadInBatchesOfAnySizeIsTheShareReadWhole() throws Exception {
        // Lines longer than the 64 KiB read chunk, CRLF endings, multi-byte characters, no final newline.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("mot ").append(i).append(" é東").append("w".repeat(i % 10 == 0 ? 70_000 + i : i)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        text.append("fin");
        Path f = tmp.resolve("t.txt");
        Files.write(f, text.toString().getBytes(StandardCharsets.UTF_8));
        com.fasterxml.jackson.databind.node.ObjectNode jobData = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("filename", "t.txt");
        DocCollector c = new DocCollector();
        for (int k : new int[] {1, 4, 9}) {
            for (int part = 1; part <= k; part++) {
                io.spacecomp.tasks.TaskContext ctx = new io.spacecomp.tasks.TaskContext("j", part, k, jobData, null,
                        new io.spacecomp.tasks.DataFiles(tmp));
                List<io.spacecomp.tasks.Record> whole = c.collect(ctx);
                for (int max : new int[] {1, 2, 7, 1024}) {
                    io.spacecomp.tasks.Collector.Share share = c.open(ctx);
                    List<io.spacecomp.tasks.Record> batched = new ArrayList<>();
                    for (List<io.spacecomp.tasks.Record> b = share.next(max); !b.isEmpty(); b = share.next(max)) {
                        org.junit.jupiter.api.Assertions.assertTrue(b.size() <= max);
                        batched.addAll(b);
                    }
                    assertEquals(whole, batched, "k = " + k + ", part " + part + ", batches of " + max);
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (String line : text.toString().split("\n", -1)) {
            expected.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        List<String> all = new ArrayList<>();
        for (int part = 1; part <= 9; part++) {
            all.addAll(DocCollector.readRange(f, part, 9));
        }
        assertEquals(expected, all);
    }
}
