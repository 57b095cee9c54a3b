package io.spacecomp.emulator.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A child process's output written to a log file of bounded size: past {@link #maxBytes} the file becomes
 * {@code NAME.1} (an older {@code NAME.1} becomes {@code NAME.2}, and so on), and at most {@link #files} files are kept,
 * the oldest deleted. A thread reads the process's output as it comes (the child never blocks on a full pipe), and
 * keeps reading, dropping what it cannot write, when the disk refuses.
 */
final class RotatingLog implements Runnable {

    /** Bytes of one log file before it is rotated: 10 MiB. */
    static final long MAX_BYTES = 10L << 20;
    /** Files kept per log, the current one included: 4 (so at most 40 MiB per plane). */
    static final int FILES = 4;

    private final InputStream in;
    private final Path file;
    private final long maxBytes;
    private final int files;
    private OutputStream out;
    private long written;

    RotatingLog(InputStream in, Path file, long maxBytes, int files) {
        if (maxBytes < 1 || files < 1) {
            throw new IllegalArgumentException("a log needs max bytes >= 1 and files >= 1, got " + maxBytes + ", " + files);
        }
        this.in = in;
        this.file = file;
        this.maxBytes = maxBytes;
        this.files = files;
    }

    /** Starts copying {@code process}'s output into {@code file} (appended), rotated at the defaults, on a daemon thread. */
    static void follow(Process process, Path file) {
        Thread t = new Thread(new RotatingLog(process.getInputStream(), file, MAX_BYTES, FILES), "log-" + file.getFileName());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        try (InputStream source = in) {
            int n;
            while ((n = source.read(buf)) > 0) {
                write(buf, n);
            }
        } catch (IOException e) {
            // the process is gone: its output ended
        } finally {
            close();
        }
    }

    /** Writes {@code n} bytes, rotating first when they would pass the limit of a non-empty file. */
    void write(byte[] buf, int n) {
        try {
            if (out == null) {
                open();
            }
            if (written > 0 && written + n > maxBytes) {
                rotate();
            }
            out.write(buf, 0, n);
            out.flush();
            written += n;
        } catch (IOException e) {
            close(); // the disk refused: what came is dropped, and the next write tries afresh
        }
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written = Files.size(file);
    }

    private void rotate() throws IOException {
        close();
        for (int i = files - 1; i >= 1; i--) {
            Path from = i == 1 ? file : sibling(i - 1);
            try {
                if (i == files - 1 || files == 1) {
                    Files.deleteIfExists(sibling(i));
                }
                Files.move(from, sibling(i), StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException absent) {
                // fewer files so far
            }
        }
        if (files == 1) {
            Files.deleteIfExists(file);
        }
        open();
    }

    private Path sibling(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing more to write
            }
            out = null;
        }
    }
}
