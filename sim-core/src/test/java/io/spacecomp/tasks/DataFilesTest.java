package io.spacecomp.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFilesTest {

    @TempDir
    Path tmp;

    @Test
    void filesResolveInsideTheDataDirectoryOnly() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "hello\n");
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("sub/b.txt"), "x\n");
        Files.writeString(tmp.resolve("secret.txt"), "no\n");
        Files.createSymbolicLink(data.resolve("link.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(data.resolve("inner.txt"), data.resolve("sub/b.txt"));
        DataFiles files = new DataFiles(data);
        Path real = data.toRealPath();
        assertEquals(real.resolve("a.txt"), files.resolve("a.txt"));
        assertEquals(real.resolve("a.txt"), files.resolve("data/a.txt"), "the reference client's data/ prefix names the directory");
        assertEquals(real.resolve("sub/b.txt"), files.resolve("sub/b.txt"));
        assertEquals(real.resolve("sub/b.txt"), files.resolve("inner.txt"), "the path returned is the real one that was checked, not the link");
        for (String bad : List.of("../secret.txt", "data/../../secret.txt", "sub/../../secret.txt", tmp.resolve("secret.txt").toString(),
                "/etc/passwd", "link.txt", "", "missing.txt", "sub", ".")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> files.resolve(bad), bad);
            assertTrue(e.getMessage().startsWith("filename"), e.getMessage());
        }
    }
}
