package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.wire.Wire;

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
 * stalls until it fills is disconnected rather than left to grow. A comment line every 15 s keeps idle
 * connections open and finds dead ones.
 */
final class SseHub {

    static final int QUEUE_EVENTS = 1024;
    /** At most this many open streams (the gateway's handler pool has 256 threads). */
    static final int MAX_SUBSCRIBERS = 128;
    private static final long KEEPALIVE_S = 15;

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

    void publish(JsonNode data) {
        byte[] frame = ("event: spacecomp\ndata: " + new String(Wire.bytes(data), StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
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
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        Subscriber s = new Subscriber(exchange);
        OutputStream out = exchange.getResponseBody();
        out.write(": subscribed to spacecomp job events\n\n".getBytes(StandardCharsets.UTF_8));
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
                out.write(frame != null ? frame : ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
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
