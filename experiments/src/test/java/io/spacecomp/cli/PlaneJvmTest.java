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
        List<String> opts = List.of(PlaneJvm.DEFAULT_OPTS.split(" "));
        // 100x100: 3 threads per satellite + 25 per plane = 32,500 of 32,768
        String warning = PlaneJvm.threadWarning(10_000, 100, opts, 32_768);
        assertNotNull(warning);
        assertTrue(warning.startsWith("warning: 100 planes need ~32500 threads (3 per satellite's server)"), warning);
        assertTrue(warning.contains("-Dsun.net.httpserver.maxReqTime=-1"), warning);
        // without the request deadline: 2 per satellite, 22,500, under three quarters of 32,768 (24,576)
        List<String> noDeadline = new java.util.ArrayList<>(opts);
        noDeadline.add("-Dsun.net.httpserver.maxReqTime=-1");
        assertNull(PlaneJvm.threadWarning(10_000, 100, noDeadline, 32_768));
        // 11x11: 363 + 275
        assertNull(PlaneJvm.threadWarning(121, 11, opts, 32_768));
        assertNotNull(PlaneJvm.threadWarning(121, 11, opts, 800));
    }
}
