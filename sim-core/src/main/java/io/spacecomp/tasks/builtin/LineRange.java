package io.spacecomp.tasks.builtin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a text file whose first byte lies in one byte range of it, read a few at a time: the file is cut into
 * {@code parts} ranges of equal size, and a line belongs to the range that holds its first byte, so every line is
 * read by exactly one range whatever the number of parts (SPEC §6). Lines are decoded as UTF-8, without their
 * terminator ({@code \n} or {@code \r\n}). Between reads only the position is kept; each read opens the file again,
 * so a range paused half-way holds no file handle.
 */
final class LineRange {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    /** The first byte of the next range: a line starting there is not this range's. */
    private final long end;
    /** Where this range's next line starts (≥ {@link #end}: none is left). */
    private long pos;

    private LineRange(Path file, long pos, long end) {
        this.file = file;
        this.pos = pos;
        this.end = end;
    }

    /** Range {@code part} (1-based) of {@code parts} of {@code file}. */
    static LineRange of(Path file, int part, int parts) throws IOException {
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("data id must be in [1, " + parts + "], got " + part);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long start = size * (part - 1) / parts;
            long end = size * part / parts;
            long pos = start;
            if (start > 0 && byteAt(ch, start - 1) != '\n') {
                pos = afterNewline(ch, start); // the line holding byte `start` began in the previous range
            }
            return new LineRange(file, pos, end);
        }
    }

    /** The next {@code max} lines of the range, fewer at its end, none once it is all read. */
    List<String> next(int max) throws IOException {
        List<String> lines = new ArrayList<>();
        if (pos >= end) {
            return lines;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(pos);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            byte[] a = buf.array();
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long bufStart = pos; // file offset of a[0]
            while (lines.size() < max && pos < end) {
                buf.clear();
                int n = ch.read(buf);
                if (n < 0) {
                    lines.add(decode(line)); // the file's last line, without a terminator
                    pos = bufStart;
                    break;
                }
                // A line's bytes are copied a run at a time, up to its newline (not byte by byte: the collector's
                // main cost before, measured).
                int i = 0;
                while (i < n && lines.size() < max && pos < end) {
                    int nl = i;
                    while (nl < n && a[nl] != '\n') {
                        nl++;
                    }
                    line.write(a, i, nl - i);
                    if (nl == n) {
                        break; // the line goes on in the next read
                    }
                    lines.add(decode(line));
                    line.reset();
                    pos = bufStart + nl + 1;
                    i = nl + 1;
                }
                bufStart += n;
            }
        }
        return lines;
    }

    private static int byteAt(FileChannel ch, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return ch.read(one, at) == 1 ? one.get(0) : -1;
    }

    private static long afterNewline(FileChannel ch, long from) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long at = from;
        int n;
        while ((n = ch.read(buf, at)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
            buf.clear();
        }
        return at;
    }

    private static String decode(ByteArrayOutputStream line) {
        byte[] b = line.toByteArray();
        int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }
}
