package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.io.IOException;
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
        List<Record> all = new ArrayList<>();
        for (String line : readRange(file(ctx), ctx.dataId(), ctx.dataSize())) {
            all.add(Record.text(line));
        }
        return all;
    }

    /** Reads the share a batch at a time: it is never held whole. */
    @Override
    public Share open(TaskContext ctx) throws IOException {
        LineRange range = LineRange.of(file(ctx), ctx.dataId(), ctx.dataSize());
        return max -> {
            List<Record> batch = new ArrayList<>();
            for (String line : range.next(max)) {
                batch.add(Record.text(line));
            }
            return batch;
        };
    }

    private static Path file(TaskContext ctx) {
        JsonNode filename = ctx.jobData() == null ? null : ctx.jobData().get("filename");
        if (filename == null || !filename.isTextual()) {
            throw new IllegalArgumentException("job_data.filename must name a text file in the data directory");
        }
        return ctx.dataFile(filename.textValue());
    }

    /** The lines whose first byte lies in byte range {@code part} (1-based) of {@code parts}. */
    static List<String> readRange(Path file, int part, int parts) throws IOException {
        LineRange range = LineRange.of(file, part, parts);
        List<String> lines = new ArrayList<>();
        for (List<String> some = range.next(4096); !some.isEmpty(); some = range.next(4096)) {
            lines.addAll(some);
        }
        return lines;
    }
}
