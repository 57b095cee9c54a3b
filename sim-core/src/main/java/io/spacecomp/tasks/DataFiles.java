package io.spacecomp.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The data directory collectors read from. A job names a file relative to it; a leading {@code data/}
 * (the reference client's default {@code data/sample.txt}) names the directory itself. Absolute paths,
 * {@code ..} escapes and symbolic links that lead outside are refused.
 */
public final class DataFiles {

    private final Path root;

    public DataFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("the data directory cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The file {@code name} inside the data directory.
     *
     * @throws IllegalArgumentException naming the field {@code filename} when the name escapes the
     *                                  directory or the file does not exist
     */
    public Path resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("filename must name a file in the data directory");
        }
        String relative = name.startsWith("data/") ? name.substring("data/".length()) : name;
        Path candidate;
        try {
            Path p = Path.of(relative);
            if (p.isAbsolute()) {
                throw new IllegalArgumentException("filename must be relative to the data directory, got '" + name + "'");
            }
            candidate = root.resolve(p).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("filename is not a valid path: '" + name + "'");
        }
        if (!candidate.startsWith(root) || candidate.equals(root)) {
            throw new IllegalArgumentException("filename must stay inside the data directory, got '" + name + "'");
        }
        if (!Files.isRegularFile(candidate)) {
            throw new IllegalArgumentException("filename '" + name + "' does not exist in the data directory");
        }
        // The path checked is the path returned: the real one, every link resolved once. Returning the unresolved
        // name would let a link swapped in after this check lead outside the directory.
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("filename '" + name + "' cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!real.startsWith(realRoot()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("filename must stay inside the data directory, got '" + name + "'");
        }
        return real;
    }
}
