package io.spacecomp.deploy;

import io.spacecomp.tasks.TaskClasspath;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The files of one constellation's directory that every target shares: its task jars and its private files. */
public final class ConstellationFiles {

    private ConstellationFiles() {
    }

    /** The constellation's task jars, mounted read-only into every plane. */
    public static Path tasksDir(Path dir) {
        return dir.resolve("tasks");
    }

    /**
     * Copies the jars into the constellation's {@code tasks/} (beside those already there unless {@code replace};
     * a jar of the same file name is replaced), once all of them are known to load together; returns the jar
     * file names there, sorted.
     *
     * @throws IllegalArgumentException naming {@code --tasks} when two jars share a file name or they do not load
     */
    public static List<String> installTasks(Path dir, TaskClasspath jars, boolean replace) throws IOException {
        Map<String, Path> added = new TreeMap<>();
        for (Path jar : jars.paths()) {
            Path previous = added.put(jar.getFileName().toString(), jar);
            if (previous != null) {
                throw new IllegalArgumentException("invalid value for --tasks: " + jar + " (allowed: jars with distinct file names ("
                        + previous + " and " + jar + " are both " + jar.getFileName() + "))");
            }
        }
        Path tasks = tasksDir(dir);
        Map<String, TaskClasspath.Jar> all = new TreeMap<>();
        if (!replace && Files.isDirectory(tasks)) {
            for (TaskClasspath.Jar j : TaskClasspath.expand(tasks + File.separator + "*", "--tasks")) {
                all.put(j.path().getFileName().toString(), j);
            }
        }
        added.forEach((name, jar) -> all.put(name, new TaskClasspath.Jar(jar, "--tasks")));
        TaskClasspath.load(new ArrayList<>(all.values())); // nothing is copied unless every jar loads beside the others
        Files.createDirectories(tasks);
        if (replace) {
            try (var old = Files.newDirectoryStream(tasks, "*.jar")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
        }
        for (var e : added.entrySet()) {
            Files.copy(e.getValue(), tasks.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING);
        }
        return new ArrayList<>(all.keySet());
    }

    /** Writes a file readable by its owner only (the constellation's secret). */
    public static void writePrivate(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.deleteIfExists(f);
        Files.createFile(f);
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the default permissions
        }
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /** The first 12 hex digits of the SHA-256 of {@code bytes}: names of swarm secrets and configs, which cannot change in place. */
    public static String shortHash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
