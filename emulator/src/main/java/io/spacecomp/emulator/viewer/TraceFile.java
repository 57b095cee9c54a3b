package io.spacecomp.emulator.viewer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A trace to replay: one JSON-Lines file ({@code simulate --trace}) or a directory of them
 * ({@code emulate --trace-dir}: one per plane), checked line by line. A bad line (not JSON, not an object,
 * no number {@code t} or string {@code type}, or cut off at the end of the file) is skipped and reported
 * with its file and line number; every good line is kept. Events are served sorted by {@code t} (stable),
 * so the planes' files merge; a single file already in order is streamed from disk as it is, so a trace of
 * a million events costs no heap.
 */
public final class TraceFile {

    /** At most this many bad lines are listed one by one (all are counted). */
    static final int MAX_LISTED_ERRORS = 50;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One bad line. */
    public record BadLine(String file, long line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    private record Line(double t, String text) {
    }

    private final Path source;
    private final List<Path> files;
    private final List<BadLine> errors = new ArrayList<>();
    private long errorCount;
    private long events;
    private long lines;
    private JsonNode header;
    /** Null when the trace is one file in time order with no bad line: then it is served from disk. */
    private List<Line> sorted;

    private TraceFile(Path source, List<Path> files) {
        this.source = source;
        this.files = files;
    }

    /**
     * Reads and checks a trace.
     *
     * @throws IllegalArgumentException when {@code source} is neither a file nor a directory holding {@code *.jsonl}
     */
    public static TraceFile load(Path source) throws IOException {
        List<Path> files;
        if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.list(source)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("directory " + source + " holds no *.jsonl trace files");
            }
        } else if (Files.isRegularFile(source)) {
            files = List.of(source);
        } else {
            throw new IllegalArgumentException("no trace file or directory at " + source);
        }
        TraceFile t = new TraceFile(source, files);
        t.read();
        return t;
    }

    private void read() throws IOException {
        List<Line> all = new ArrayList<>();
        boolean inOrder = true;
        double last = Double.NEGATIVE_INFINITY;
        for (Path f : files) {
            boolean endsWithNewline = endsWithNewline(f);
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String text;
                long n = 0;
                String name = files.size() == 1 ? f.getFileName().toString() : source.relativize(f).toString();
                while ((text = r.readLine()) != null) {
                    n++;
                    lines++;
                    if (text.isBlank()) {
                        continue;
                    }
                    double t;
                    try {
                        t = check(text);
                    } catch (IOException | IllegalArgumentException e) {
                        boolean lastLine = !endsWithNewline && !r.ready();
                        bad(name, n, (lastLine ? "truncated (the file ends mid-line): " : "") + reason(e));
                        continue;
                    }
                    events++;
                    if (t < last) {
                        inOrder = false;
                    }
                    last = t;
                    all.add(new Line(t, text));
                    if (header == null && text.contains("\"type\":\"shell\"")) {
                        header = headerOf(text);
                    }
                }
            }
        }
        if (files.size() > 1 || errorCount > 0 || !inOrder) {
            all.sort(Comparator.comparingDouble(Line::t));
            sorted = all;
        }
    }

    private static boolean endsWithNewline(Path f) throws IOException {
        long size = Files.size(f);
        if (size == 0) {
            return true;
        }
        try (var ch = Files.newByteChannel(f)) {
            ch.position(size - 1);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b);
            return b.get(0) == '\n';
        }
    }

    /** The line's {@code t}, after checking it is one JSON object with a number {@code t} and a string {@code type}. */
    static double check(String text) throws IOException {
        double t = Double.NaN;
        boolean type = false;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonToken tok;
            while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("t")) {
                    if (!v.isNumeric()) {
                        throw new IllegalArgumentException("'t' is not a number");
                    }
                    t = p.getDoubleValue();
                } else if (field.equals("type")) {
                    if (v != JsonToken.VALUE_STRING) {
                        throw new IllegalArgumentException("'type' is not a string");
                    }
                    type = true;
                } else if (v.isStructStart()) {
                    p.skipChildren();
                }
            }
            if (tok != JsonToken.END_OBJECT) {
                throw new IllegalArgumentException("the object does not end");
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON object");
            }
        }
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("no finite number 't'");
        }
        if (!type) {
            throw new IllegalArgumentException("no string 'type'");
        }
        return t;
    }

    private static String reason(Exception e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? "not valid JSON: " + j.getOriginalMessage()
                : e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = m.indexOf('\n');
        return cut > 0 ? m.substring(0, cut) : m;
    }

    private void bad(String file, long line, String reason) {
        errorCount++;
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new BadLine(file, line, reason));
        }
    }

    private static JsonNode headerOf(String text) {
        try {
            return MAPPER.readTree(MAPPER.readTree(text).path("detail").asText());
        } catch (IOException e) {
            return null;
        }
    }

    public Path source() {
        return source;
    }

    public List<Path> files() {
        return files;
    }

    /** The first bad lines (at most {@value #MAX_LISTED_ERRORS}). */
    public List<BadLine> errors() {
        return List.copyOf(errors);
    }

    public long errorCount() {
        return errorCount;
    }

    /** Good lines: the events served. */
    public long events() {
        return events;
    }

    /** Lines read, blank and bad ones included. */
    public long lines() {
        return lines;
    }

    /** The shell geometry from the trace's {@code shell} line, or null when it has none. */
    public JsonNode header() {
        return header;
    }

    /** Writes every good event, one per line, in time order. */
    public void writeTo(OutputStream out) throws IOException {
        if (sorted == null) {
            Files.copy(files.get(0), out);
            return;
        }
        byte[] nl = {'\n'};
        for (Line l : sorted) {
            out.write(l.text().getBytes(StandardCharsets.UTF_8));
            out.write(nl);
        }
    }
}
