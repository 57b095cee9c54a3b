package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code doccollector}: reads its share of the text file {@code job_data.filename}. The file is cut
 * into {@code dataSize} byte ranges of equal size; a line belongs to the range that holds its first
 * byte, so every line is read by exactly one collector whatever k is (SPEC §6). Records are the lines,
 * decoded as UTF-8, without their line terminator.
 */
public final class DocCollector implements Collector {

    @Override
    public String name() {
        return "doccollector";
    }

    @Override
    public List<Record> collect(TaskContext ctx) throws IOException {
        JsonNode filename = ctx.jobData() == null ? null : ctx.jobData().get("filename");
        if (filename == null || !filename.isTextual()) {
            throw new IllegalArgumentException("job_data.filename must name a text file in the data directory");
        }
        Path file = ctx.dataFile(filename.textValue());
        List<Record> lines = new ArrayList<>();
        for (String line : readRange(file, ctx.dataId(), ctx.dataSize())) {
            lines.add(Record.text(line));
        }
        return lines;
    }

    /** The lines whose first byte lies in byte range {@code part} (1-based) of {@code parts}. */
    static List<String> readRange(Path file, int part, int parts) throws IOException {
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("data id must be in [1, " + parts + "], got " + part);
        }
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            long start = size * (part - 1) / parts;
            long end = size * part / parts;
            long pos = start;
            if (start > 0) {
                raf.seek(start - 1);
                if (raf.read() != '\n') {
                    // The line holding byte `start` began in the previous range: skip past it.
                    pos = skipLine(raf, start);
                }
            }
            raf.seek(pos);
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] buf = new byte[64 * 1024];
            long lineStart = pos;
            boolean inLine = false;
            while (lineStart < end || inLine) {
                int n = raf.read(buf);
                if (n < 0) {
                    break;
                }
                // A line's bytes are copied a run at a time, up to its newline (not byte by byte: the collector's
                // main cost before, measured).
                int i = 0;
                while (i < n) {
                    if (!inLine) {
                        if (lineStart >= end) {
                            return finish(lines, line, false);
                        }
                        inLine = true;
                    }
                    int nl = i;
                    while (nl < n && buf[nl] != '\n') {
                        nl++;
                    }
                    line.write(buf, i, nl - i);
                    if (nl == n) {
                        break; // the line goes on in the next read
                    }
                    lines.add(decode(line));
                    line.reset();
                    inLine = false;
                    lineStart = pos + nl + 1;
                    i = nl + 1;
                }
                pos += n;
            }
            return finish(lines, line, inLine);
        }
    }

    private static List<String> finish(List<String> lines, ByteArrayOutputStream line, boolean open) {
        if (open) {
            lines.add(decode(line)); // last line without a terminator
        }
        return lines;
    }

    private static long skipLine(RandomAccessFile raf, long from) throws IOException {
        raf.seek(from);
        byte[] buf = new byte[64 * 1024];
        long pos = from;
        int n;
        while ((n = raf.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return pos;
    }

    private static String decode(ByteArrayOutputStream line) {
        byte[] b = line.toByteArray();
        int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }
}
