package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.wire.Wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events on {@code GET /subscribe}, as leopymr's gateway sends them: every finished job is
 * one {@code event: spacecomp} with a JSON {@code data:} line, to every subscriber. Streams whatever the
 * request's Accept header says ({@code curl -N} sends none). Each subscriber has a bounded queue: one that
 * stalls until it fills is disconnected rather than left to grow.
 *
 * <p>Written for clients that read the raw socket, as leopymr's {@code listen.py} does through sseclient
 * 0.0.27 (it reads the connection's bytes itself, so HTTP chunk headers would land inside a data line): the
 * stream is sent without chunked framing (a Content-Length no stream reaches, the JDK server's only
 * unframed mode; it ends when the connection closes), as {@code text/event-stream; charset=utf-8}, with
 * non-ASCII escaped as {@code \\uXXXX} in the JSON (so a client that decodes as Latin-1 reads it right
 * too). A comment line every 15 s keeps idle connections open and finds dead ones; comment lines are never
 * followed by a blank line, since such a frame is an empty event to some clients (sseclient 0.0.27 prints
 * a blank line for it).
 */
final class SseHub {

    static final int QUEUE_EVENTS = 1024;
    /** At most this many open streams (the gateway's handler pool has 256 threads). */
    static final int MAX_SUBSCRIBERS = 128;
    private static final long KEEPALIVE_S = 15;
    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    private static final ObjectWriter ASCII_JSON = Wire.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    private static final byte[] KEEPALIVE = ": keep-alive\n".getBytes(StandardCharsets.US_ASCII);

    private static final Executor CLOSER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-closer");
        t.setDaemon(true);
        return t;
    });

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private static final class Subscriber {
        final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_EVENTS);
        final HttpExchange exchange;
        volatile boolean dropped;

        Subscriber(HttpExchange exchange) {
            this.exchange = exchange;
        }
    }

    int subscribers() {
        return subscribers.size();
    }

    /** One event as it goes on the wire: pure ASCII, its JSON on one line. */
    static byte[] frame(JsonNode data) {
        try {
            return ("event: spacecomp\ndata: " + ASCII_JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.US_ASCII);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an event: " + e.getMessage(), e);
        }
    }

    void publish(JsonNode data) {
        if (subscribers.isEmpty()) {
            return; // nobody listens: no frame to write (a word count's event is ~1 MB of JSON)
        }
        byte[] frame = frame(data);
        for (Subscriber s : subscribers) {
            if (!s.queue.offer(frame)) {
                drop(s); // stalled: let it go rather than buffer without bound
            }
        }
    }

    /** Streams events to one subscriber until it goes away or the hub closes (runs on the handler's thread). */
    void serve(HttpExchange exchange) throws IOException {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            // Each stream holds a server thread: past this many, the API itself would starve.
            throw new Http.Refusal(503, null, "too many subscribers (" + MAX_SUBSCRIBERS + "); poll /completion instead");
        }
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // Not 0 (chunked: the JDK cuts the body into 4,096-byte chunks whose headers a raw-socket reader
        // takes for data) but a length no stream reaches: the body goes out unframed, as written.
        exchange.sendResponseHeaders(200, Long.MAX_VALUE);
        Subscriber s = new Subscriber(exchange);
        OutputStream out = exchange.getResponseBody();
        out.write(": subscribed to spacecomp job events\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        subscribers.add(s);
        try {
            while (!closed && !s.dropped) {
                byte[] frame;
                try {
                    frame = s.queue.poll(KEEPALIVE_S, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                out.write(frame != null ? frame : KEEPALIVE);
                out.flush();
            }
        } finally {
            subscribers.remove(s);
        }
    }

    /**
     * Stops publishing to {@code s} and closes its stream. Closing writes the stream's last chunk, which
     * blocks while the peer does not read, so it happens on a closer thread: the publisher never waits.
     */
    private void drop(Subscriber s) {
        s.dropped = true;
        if (subscribers.remove(s)) {
            CLOSER.execute(s.exchange::close);
        }
    }

    void close() {
        closed = true;
        for (Subscriber s : subscribers) {
            drop(s);
        }
    }
}
