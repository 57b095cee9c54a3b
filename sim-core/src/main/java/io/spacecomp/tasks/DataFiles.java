package io.spacecomp.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
        try {
            if (!candidate.toRealPath().startsWith(root.toRealPath())) {
                throw new IllegalArgumentException("filename must stay inside the data directory, got '" + name + "'");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("filename '" + name + "' cannot be read: " + e.getMessage());
        }
        return candidate;
    }
}
