package io.spacecomp.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes one JSON object per line. Synchronized so the emulator's threads may share one. */
public final class JsonLinesTrace implements TraceSink, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private final OutputStream out;

    public JsonLinesTrace(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void emit(TraceEvent event) {
        try {
            MAPPER.writeValue(out, event);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.flush();
        out.close();
    }
}
