package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;
import io.spacecomp.protocol.JobOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Jobs on disk, one folder per job id under the results directory: {@code job.json} (its metadata, written
 * when accepted), {@code files/NAME} (result files), and {@code outcome.json} (written last: a job is
 * finished exactly when it exists). Every file is written to a temporary name and moved into place
 * atomically, so a crash never leaves half a result, and a restarted gateway still answers for old jobs.
 * Nothing about finished jobs is kept in memory, except an outcome the disk would not take (full, failing):
 * that one is served from memory and written again every few seconds until it is on disk, so an accepted job
 * is never left pending. At most {@code keep} finished jobs stay; the oldest (by when they finished) are
 * deleted beyond that. Errors name no paths of this machine.
 */
final class ResultStore {

    private final Path root;
    private final int keep;
    /** Outcomes (and their result file) the disk did not take yet: served from here meanwhile. */
    private final Map<String, Unwritten> unwritten = new ConcurrentHashMap<>();
    private int finished;

    private record Unwritten(ObjectNode answer, String fileName, byte[] fileBytes) {
    }

    ResultStore(Path root, int keep) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
        this.keep = keep;
        try (Stream<Path> dirs = Files.list(this.root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (Files.isRegularFile(d.resolve("outcome.json"))) {
                    finished++;
                }
                removeTemporaries(d);
            }
        }
        prune();
    }

    private static void removeTemporaries(Path dir) {
        for (Path d : List.of(dir, dir.resolve("files"))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().startsWith(".tmp-")) {
                        Files.deleteIfExists(f);
                    }
                }
            } catch (IOException e) {
                // left for the next start
            }
        }
    }

    /** Bytes free for results (where the directory lives). */
    long usableBytes() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Jobs accepted and not finished (a gateway that stopped while they ran). */
    List<String> pending() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (Files.isRegularFile(d.resolve("job.json")) && !Files.exists(d.resolve("outcome.json"))) {
                    try {
                        out.add(checkJobId(name));
                    } catch (WireException notOurs) {
                        // not a job folder
                    }
                }
            }
        }
        return out;
    }

    /** When the job was accepted (Unix ms), from its metadata file. */
    long acceptedMs(String jobId) {
        try {
            return Files.getLastModifiedTime(dir(jobId).resolve("job.json")).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
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
            if (Files.exists(dir.resolve("outcome.json"))) {
                return; // the watchdog ended it while it was going up: it stays, failed, with its reason
            }
            Files.deleteIfExists(dir.resolve("job.json"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove a refused job", e);
        }
    }

    Optional<JsonNode> meta(String jobId) {
        return read(dir(jobId).resolve("job.json"));
    }

    /** Synchronized with {@link #finish}: a finished job is seen only once its retention pruning is done too. */
    synchronized Optional<JsonNode> outcome(String jobId) {
        Unwritten u = unwritten.get(checkJobId(jobId));
        return u != null ? Optional.of(u.answer()) : read(dir(jobId).resolve("outcome.json"));
    }

    /**
     * The {@code /completion} answer of a finished job as the JSON bytes stored, without parsing them (a word
     * count's answer is ~1 MB: parsing and writing it again cost the gateway more than the rest of the job).
     */
    Optional<byte[]> outcomeBytes(String jobId) {
        Unwritten u = unwritten.get(checkJobId(jobId));
        if (u != null) {
            return Optional.of(Wire.bytes(u.answer()));
        }
        Path p = dir(jobId).resolve("outcome.json");
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outcome.json of a job", e);
        }
    }

    /** Whether a job of this id was accepted (its {@code job.json} is there), without reading it. */
    boolean known(String jobId) {
        return Files.isRegularFile(dir(checkJobId(jobId)).resolve("job.json"));
    }

    /**
     * Records how a job ended; true the first time, false when it was already recorded (a repeated
     * downlink): the caller publishes only on true.
     */
    synchronized boolean finish(JobOutcome outcome, ObjectNode answer) {
        Path dir = dir(outcome.jobId());
        Path done = dir.resolve("outcome.json");
        if (Files.exists(done) || unwritten.containsKey(outcome.jobId())) {
            return false;
        }
        boolean file = outcome.result() != null && outcome.result().hasAttachment();
        Unwritten u = new Unwritten(answer, file ? outcome.result().attachment().name() : null,
                file ? outcome.result().attachment().bytes() : null);
        if (!write(outcome.jobId(), u)) {
            unwritten.put(outcome.jobId(), u);
        }
        finished++;
        if (finished > keep) {
            prune();
        }
        return true;
    }

    /** Writes outcomes the disk did not take before; true when none is left in memory. */
    boolean retryUnwritten() {
        for (Map.Entry<String, Unwritten> e : unwritten.entrySet()) {
            if (write(e.getKey(), e.getValue())) {
                unwritten.remove(e.getKey());
            }
        }
        return unwritten.isEmpty();
    }

    int unwrittenCount() {
        return unwritten.size();
    }

    private boolean write(String jobId, Unwritten u) {
        Path dir = dir(jobId);
        try {
            if (u.fileName() != null) {
                writeAtomically(dir.resolve("files").resolve(u.fileName()), u.fileBytes());
            }
            writeAtomically(dir.resolve("outcome.json"), Wire.bytes(u.answer()));
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Deletes the oldest finished jobs down to 90 % of {@code keep} (so that pruning is rare). */
    private synchronized void prune() {
        if (finished <= keep) {
            return;
        }
        List<Map.Entry<Path, Long>> done = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path o = d.resolve("outcome.json");
                if (Files.isRegularFile(o)) {
                    done.add(Map.entry(d, Files.getLastModifiedTime(o).toMillis()));
                }
            }
        } catch (IOException e) {
            return;
        }
        done.sort(Map.Entry.comparingByValue());
        int target = Math.max(1, keep - keep / 10);
        int remove = done.size() - target;
        for (int i = 0; i < remove; i++) {
            deleteTree(done.get(i).getKey());
        }
        finished = Math.max(0, done.size() - Math.max(0, remove));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = all.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // tried again at the next prune
        }
    }

    /** A result file of a finished job, by the name its outcome lists; never a path. */
    Optional<byte[]> file(String jobId, String name) {
        Unwritten u = unwritten.get(checkJobId(jobId));
        if (u != null) {
            return name.equals(u.fileName()) ? Optional.of(u.fileBytes()) : Optional.empty();
        }
        Optional<JsonNode> outcome = outcome(jobId);
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode f : outcome.get().path("result").path("files")) {
            if (f.asText().equals(name)) {
                Path p = dir(jobId).resolve("files").resolve(f.asText());
                try {
                    return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read a result file of job " + jobId, e);
                }
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
            throw new UncheckedIOException("cannot read " + p.getFileName() + " of a job", e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // removed at the next start
                }
            }
            // The message names the file, never where this machine keeps it.
            throw new UncheckedIOException("cannot write " + target.getFileName() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
