package io.spacecomp.emulator.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.wire.Wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Serves the viewer for one trace ({@code spacecomp view}): the page at {@code /}, the trace's good events in
 * time order at {@code /trace.jsonl}, and what the page needs to know of it at {@code /viewer/meta.json}
 * (mode, shell geometry, bad lines).
 */
public final class ReplayServer implements AutoCloseable {

    private final TraceFile trace;
    private final ObjectNode shell;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;

    /**
     * @param shell geometry to use when the trace has no {@code shell} line (planes, sats, inclination_deg,
     *              altitude_km; null fields are inferred by the page from the satellites the trace names)
     */
    private ReplayServer(TraceFile trace, ObjectNode shell, String host, int port) throws IOException {
        this.trace = trace;
        this.shell = shell;
        this.pool = Http.pool("viewer", 16);
        this.server = Http.server(host, port, pool);
        server.createContext("/", Http.handler("GET", ViewerAssets::page));
        server.createContext("/viewer/", Http.handler("GET", ex -> {
            if (ex.getRequestURI().getPath().equals("/viewer/meta.json")) {
                Http.json(ex, 200, meta());
            } else {
                ViewerAssets.asset(ex);
            }
        }));
        server.createContext("/trace.jsonl", Http.handler("GET", this::events));
        server.start();
    }

    public static ReplayServer start(TraceFile trace, ObjectNode shellFallback, String host, int port) throws IOException {
        return new ReplayServer(trace, shellFallback, host, port);
    }

    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + (a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString()) + ":" + a.getPort() + "/");
    }

    /** The page's description of this trace. */
    ObjectNode meta() {
        ObjectNode m = Wire.object();
        m.put("mode", "replay");
        m.put("source", trace.source().getFileName() == null ? trace.source().toString() : trace.source().getFileName().toString());
        m.put("files", trace.files().size());
        m.put("lines", trace.lines());
        m.put("events", trace.events());
        m.put("error_count", trace.errorCount());
        ArrayNode errors = m.putArray("errors");
        for (TraceFile.BadLine b : trace.errors()) {
            ObjectNode e = errors.addObject();
            e.put("file", b.file());
            e.put("line", b.line());
            e.put("reason", b.reason());
        }
        JsonNode h = trace.header();
        ObjectNode s = h != null && h.isObject() ? ((ObjectNode) h).deepCopy() : Wire.object();
        if (shell != null) {
            // flags given to `view` fill what the trace does not say, and win over nothing the trace says
            shell.fields().forEachRemaining(f -> {
                if (!s.has(f.getKey()) && !f.getValue().isNull()) {
                    s.set(f.getKey(), f.getValue());
                }
            });
        }
        m.set("shell", s);
        m.put("shell_from", h != null ? "trace" : "flags and satellite ids");
        return m;
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            trace.writeTo(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
