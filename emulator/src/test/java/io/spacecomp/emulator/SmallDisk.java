package io.spacecomp.emulator;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small real file system (a tmpfs) mounted for a test, so that a disk really fills up. Mounting needs root with
 * CAP_SYS_ADMIN: without it the test is skipped, unless {@code SPACECOMP_REQUIRE_TMPFS=1} (as {@code .ci/run} sets),
 * when it fails.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code bytes} (rounded up to pages) at {@code dir}, created if absent. */
    public static SmallDisk mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            String why = "needs root to mount a tmpfs at " + dir + ": " + out;
            if ("1".equals(System.getenv("SPACECOMP_REQUIRE_TMPFS"))) {
                fail(why);
            }
            Assumptions.assumeTrue(false, why);
        }
        return new SmallDisk(dir);
    }

    /** Free bytes on it now. */
    public long free() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true).start().waitFor();
    }
}
