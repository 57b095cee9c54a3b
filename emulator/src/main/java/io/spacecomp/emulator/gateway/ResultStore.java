package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.wire.Wire;
import io.spacecomp.emulator.wire.WireException;
import io.spacecomp.protocol.JobOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs on disk, one folder per job id under the results directory: {@code job.json} (its metadata, written
 * when accepted), {@code files/NAME} (result files), and {@code outcome.json} (written last: a job is
 * finished exactly when it exists). Every file is written to a temporary name and moved into place
 * atomically, so a crash never leaves half a result, and a restarted gateway still answers for old jobs.
 * Nothing about finished jobs is kept in memory.
 */
final class ResultStore {

    private final Path root;

    ResultStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    /** Job ids are server-made UUIDs: anything else is refused before it comes near a path. */
    static String checkJobId(String jobId) {
        try {
            if (jobId != null && UUID.fromString(jobId).toString().equals(jobId)) {
                return jobId;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw new WireException("jobid", "must be a job id as /submit returned it (a UUID), got '"
                + (jobId == null ? "nothing" : jobId.length() > 40 ? jobId.substring(0, 40) + "..." : jobId) + "'");
    }

    private Path dir(String jobId) {
        return root.resolve(checkJobId(jobId));
    }

    void register(String jobId, ObjectNode meta) {
        writeAtomically(dir(jobId).resolve("job.json"), Wire.bytes(meta));
    }

    /** Forgets a job that was never accepted. */
    void discard(String jobId) {
        Path dir = dir(jobId);
        try {
            Files.deleteIfExists(dir.resolve("job.json"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    Optional<JsonNode> meta(String jobId) {
        return read(dir(jobId).resolve("job.json"));
    }

    Optional<JsonNode> outcome(String jobId) {
        return read(dir(jobId).resolve("outcome.json"));
    }

    /**
     * Records how a job ended; true the first time, false when it was already recorded (a repeated
     * downlink): the caller publishes only on true.
     */
    synchronized boolean finish(JobOutcome outcome, ObjectNode answer) {
        Path dir = dir(outcome.jobId());
        Path done = dir.resolve("outcome.json");
        if (Files.exists(done)) {
            return false;
        }
        if (outcome.result() != null && outcome.result().hasAttachment()) {
            writeAtomically(dir.resolve("files").resolve(outcome.result().attachment().name()), outcome.result().attachment().bytes());
        }
        writeAtomically(done, Wire.bytes(answer));
        return true;
    }

    /** A result file of a finished job, by the name its outcome lists; never a path. */
    Optional<Path> file(String jobId, String name) {
        Optional<JsonNode> outcome = outcome(jobId);
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode f : outcome.get().path("result").path("files")) {
            if (f.asText().equals(name)) {
                Path p = dir(jobId).resolve("files").resolve(f.asText());
                return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> read(Path p) {
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Wire.MAPPER.readTree(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
