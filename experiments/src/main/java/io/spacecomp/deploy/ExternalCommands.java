package io.spacecomp.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** Runs a command and returns its standard output (trimmed), or null when it fails. Bounded by {@code timeoutS}. */
    static String output(List<String> command, long timeoutS) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutS + " s");
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
    }
}
