package io.spacecomp.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker and kubectl programs that run a constellation, each bounded in time. */
final class ExternalCommands {

    private ExternalCommands() {
    }

    /** Runs a command in {@code dir}, its output passed through; returns its exit status. Bounded by {@code timeoutS}. */
    static int run(List<String> command, Path dir, long timeoutS) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutS + " s");
        }
        return p.exitValue();
    }

    /**
     * Runs a command and returns its standard output (trimmed), or null when it fails. Bounded by {@code timeoutS}:
     * the output goes to a file, so a command that hangs with its output open cannot hold the read past the bound.
     */
    static String output(List<String> command, long timeoutS) throws IOException, InterruptedException {
        Path out = Files.createTempFile("spacecomp-command", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + timeoutS + " s");
            }
            return p.exitValue() == 0 ? Files.readString(out, StandardCharsets.UTF_8).trim() : null;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
