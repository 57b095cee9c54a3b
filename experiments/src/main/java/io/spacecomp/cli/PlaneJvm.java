package io.spacecomp.cli;

import io.spacecomp.emulator.deploy.LocalConstellation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * How {@code emulate} starts a plane's JVM: its options, and a class-data archive (AppCDS) shared by every plane
 * process. JDK 17 cannot make the archive on the fly (-XX:+AutoCreateSharedArchive is JDK 19+), so the first
 * {@code emulate} after a build runs plane 1 once with {@code -XX:ArchiveClassesAtExit} (2–9 s here), and every plane
 * then maps the archive: ~0.1 s less CPU and ~20 MB less private memory per plane (picocli's classes stay out:
 * their class files are Java 5, which CDS does not take). The archive's name is a hash of what it depends on (the
 * JVM, the class path's jars with their sizes and times, the options), so a rebuild makes a new one; a class path
 * with a directory on it (tests, an IDE) cannot be archived and runs without.
 */
final class PlaneJvm {

    /**
     * Serial GC, C1 only (C2 compiled for longer than it saved, README), small stacks, and a young generation of
     * 24 MB: left to itself it is a third of the heap, whose pages every allocation burst touches (171 → 128 MB
     * resident per plane of 11x11 after 10 concurrent jobs, with the same CPU per job; measured).
     */
    static final String DEFAULT_OPTS = "-Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m -Xmn24m";

    private PlaneJvm() {
    }

    /**
     * A warning when the planes would need most of the threads this machine can run, or null. A plane serves its
     * satellites' ports from one Jetty server whose every port has a selector thread, and runs ~60 threads besides
     * (its JVM's, handlers that grow with its load, its client): 161 a plane of 100 satellites at rest, measured. Every
     * thread takes a process id, and Linux has {@code kernel.pid_max} of them for everything on the machine (32,768
     * here): 100x100 needs ~16,000.
     */
    static String threadWarning(int satellites, int planes) {
        long pidMax;
        try {
            // not Files.readString: on JDK 17 it reads one byte of a /proc/sys file (whose size says 0)
            pidMax = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return threadWarning(satellites, planes, pidMax);
    }

    /** Threads a plane runs besides its ports' selectors (at rest; its handlers grow with its load). */
    static final int THREADS_PER_PLANE = 60;

    /** {@link #threadWarning(int, int)} for a machine of {@code pidMax} process ids. */
    static String threadWarning(int satellites, int planes, long pidMax) {
        long need = satellites + (long) THREADS_PER_PLANE * planes;
        if (need < pidMax * 3 / 4) {
            return null;
        }
        return "warning: " + planes + " planes need ~" + need + " threads (one per satellite's port, ~" + THREADS_PER_PLANE
                + " a plane besides, more under load), and this machine runs at most " + pidMax + " processes and threads in "
                + "all (kernel.pid_max): starting more may fail, for other programs too";
    }

    /** Where the archive for this class path and these options lives, or null when the class path has a directory. */
    static Path archive(String classPath, List<String> opts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
        sha.update((System.getProperty("java.home") + "|" + Runtime.version() + "|" + String.join(" ", opts)).getBytes(StandardCharsets.UTF_8));
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(p)) {
                return null;
            }
            try {
                sha.update((p.toAbsolutePath() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null;
            }
        }
        return Home.root().resolve("experiments/target/cds/plane-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".jsa");
    }

    /**
     * The JVM options of every plane: {@code opts}, plus the archive to map when there is one; when there is none yet
     * (first run after a build), makes it first by training plane 1 of {@code options}. Whatever goes wrong, the
     * planes start without an archive.
     */
    static List<String> withArchive(List<String> opts, List<String> head, LocalConstellation.Options options, PrintWriter out)
            throws InterruptedException {
        if (opts.stream().anyMatch(o -> o.startsWith("-Xshare") || o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit"))) {
            return opts; // the user chose
        }
        Path archive = archive(System.getProperty("java.class.path"), opts);
        if (archive == null) {
            return opts;
        }
        if (!Files.isRegularFile(archive)) {
            long t0 = System.nanoTime();
            out.printf("making the planes' class-data archive (once per build): %s%n", archive);
            out.flush();
            try {
                Files.createDirectories(archive.getParent());
                try (Stream<Path> old = Files.list(archive.getParent())) {
                    old.filter(f -> f.getFileName().toString().startsWith("plane-")).forEach(f -> f.toFile().delete());
                }
                Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                List<String> cmd = new ArrayList<>();
                cmd.add(head.get(0));
                cmd.addAll(opts);
                cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
                cmd.addAll(head.subList(1, head.size()));
                boolean ok = LocalConstellation.trainPlane(options, cmd, archive.resolveSibling("training.log"), Duration.ofSeconds(60));
                if (!ok || !Files.isRegularFile(tmp)) {
                    Files.deleteIfExists(tmp);
                    out.printf("no class-data archive (see %s): planes start without one%n", archive.resolveSibling("training.log"));
                    return opts;
                }
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                out.printf(java.util.Locale.ROOT, "class-data archive made in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                out.flush();
            } catch (IOException e) {
                out.printf("no class-data archive (%s): planes start without one%n", e.getMessage());
                return opts;
            }
        }
        List<String> with = new ArrayList<>(opts);
        with.add("-XX:SharedArchiveFile=" + archive);
        with.add("-Xlog:cds=off"); // a stale or foreign archive is not an error: the JVM runs without it (-Xshare:auto)
        return with;
    }
}
