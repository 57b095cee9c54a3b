package io.spacecomp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planes' class-data archive is named after what it depends on, and only a class path of jars gets one. */
class PlaneJvmTest {

    @Test
    void anArchiveIsNamedAfterTheJarsAndTheOptions(@TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.jar"), new byte[] {4});
        String cp = a + File.pathSeparator + b;
        List<String> opts = List.of("-Xmx256m");
        Path archive = PlaneJvm.archive(cp, opts);
        assertNotNull(archive);
        assertTrue(archive.getFileName().toString().matches("plane-[0-9a-f]{16}\\.jsa"), archive.toString());
        assertEquals(archive, PlaneJvm.archive(cp, opts), "the same inputs, the same archive");
        assertNotEquals(archive, PlaneJvm.archive(cp, List.of("-Xmx128m")), "other options, another archive");
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 5_000));
        assertNotEquals(archive, PlaneJvm.archive(cp, opts), "a rebuilt jar, another archive");
    }

    @Test
    void aClassPathWithADirectoryOrAMissingJarGetsNone(@TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.jar"), new byte[] {1});
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertNull(PlaneJvm.archive(a + File.pathSeparator + classes, List.of()));
        assertNull(PlaneJvm.archive(a + File.pathSeparator + dir.resolve("gone.jar"), List.of()));
    }

    @Test
    void aShellNeedingMostOfThePidSpaceIsWarnedAbout() {
        // 100x100: one thread per satellite's port + 60 a plane = 16,000, under three quarters of 32,768 (24,576)
        assertNull(PlaneJvm.threadWarning(10_000, 100, 32_768));
        // 150x150: 22,500 + 9,000
        String warning = PlaneJvm.threadWarning(22_500, 150, 32_768);
        assertNotNull(warning);
        assertTrue(warning.startsWith("warning: 150 planes need ~31500 threads (one per satellite's port, ~60 a plane besides"), warning);
        // 11x11: 121 + 660
        assertNull(PlaneJvm.threadWarning(121, 11, 32_768));
        assertNotNull(PlaneJvm.threadWarning(121, 11, 800));
    }
}
