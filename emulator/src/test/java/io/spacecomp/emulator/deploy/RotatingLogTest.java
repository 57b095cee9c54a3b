package io.spacecomp.emulator.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plane's log stays within N files of M bytes, the newest output in the current file, the oldest dropped. */
class RotatingLogTest {

    @TempDir
    Path dir;

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append(String.format("line %03d\n", i));
        }
        return b.toString();
    }

    @Test
    void keepsAtMostNFilesOfMBytesNewestLast() throws Exception {
        Path log = dir.resolve("orb1.log");
        Files.writeString(log, "from an earlier run\n"); // 20 bytes, appended to
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(String.format("line %03d\n", i)); // 9 bytes each
        }
        RotatingLog r = new RotatingLog(new ByteArrayInputStream(new byte[0]), log, 100, 3);
        for (String line : text.toString().split("(?<=\n)")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            r.write(b, b.length);
        }
        r.close();
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(List.of("orb1.log", "orb1.log.1", "orb1.log.2"), names);
        for (String n : names) {
            assertTrue(Files.size(dir.resolve(n)) <= 100, n + ": " + Files.size(dir.resolve(n)));
        }
        // the first file: 20 bytes + lines 0-7 (92 bytes); then 11 lines (99 bytes) a file: 8-18, ..., 74-84, 85-95, 96-99
        assertEquals(lines(96, 99), Files.readString(log));
        assertEquals(lines(85, 95), Files.readString(dir.resolve("orb1.log.1")));
        assertEquals(lines(74, 84), Files.readString(dir.resolve("orb1.log.2")));
    }
}
