package io.spacecomp.emulator.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's live trace: planes post batches of trace events ({@code POST /trace}, a JSON array, on the
 * downlink port), the viewer reads them as Server-Sent Events on {@code GET /events}: one
 * {@code event: trace} per batch, {@code data:} the batch as a JSON array. A new subscriber first gets the
 * last {@value #BACKLOG_EVENTS} events, so a page opened mid-job sees the job from its start. Subscribers
 * have bounded queues; one that stalls is disconnected, never waited for.
 */
public final class LiveEvents implements AutoCloseable {

    static final int BACKLOG_EVENTS = 200_000;
    static final int QUEUE_BATCHES = 4_096;
    static final int MAX_SUBSCRIBERS = 32;
    /** Largest batch a plane may post (bytes). */
    public static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final long KEEPALIVE_S = 15;

    private record Batch(byte[] frame, int events) {
    }

    private static final class Subscriber {
        final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        volatile boolean dropped;
    }

    private final Deque<Batch> backlog = new ArrayDeque<>();
    private int backlogEvents;
    private long received;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code POST /trace}: a JSON array of trace events from a plane. */
    public void receive(HttpExchange exchange) throws IOException {
        JsonNode batch = Wire.parse(Http.body(exchange, MAX_BATCH_BYTES));
        if (!batch.isArray()) {
            throw new WireException("body", "must be a JSON array of trace events, got " + Wire.brief(batch));
        }
        for (JsonNode e : batch) {
            if (!e.isObject() || !e.path("t").isNumber() || !e.path("type").isTextual()) {
                throw new WireException("body", "every trace event needs a number 't' and a string 'type', got " + Wire.brief(e));
            }
        }
        publish(batch);
        Http.send(exchange, 204, "application/json", new byte[0]);
    }

    /** Publishes a batch (a JSON array of trace events) to every subscriber and the backlog. */
    public void publish(JsonNode events) {
        if (events.isEmpty()) {
            return;
        }
        byte[] frame = frame(new String(Wire.bytes(events), StandardCharsets.UTF_8));
        synchronized (this) {
            backlog.addLast(new Batch(frame, events.size()));
            backlogEvents += events.size();
            received += events.size();
            while (backlogEvents > BACKLOG_EVENTS && backlog.size() > 1) {
                backlogEvents -= backlog.removeFirst().events();
            }
            for (Subscriber s : subscribers) {
                if (!s.queue.offer(frame)) {
                    s.dropped = true;
                    subscribers.remove(s);
                }
            }
        }
    }

    private static byte[] frame(String data) {
        return ("event: trace\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Events received since the gateway started. */
    public synchronized long received() {
        return received;
    }

    /** {@code GET /events}: the backlog, then every new batch, until the client goes away. */
    public void serve(HttpExchange exchange) throws IOException {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            throw new Http.Refusal(503, null, "too many viewers (" + MAX_SUBSCRIBERS + ")");
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        Subscriber s = new Subscriber();
        List<byte[]> past;
        synchronized (this) {
            past = new ArrayList<>(backlog.size());
            for (Batch b : backlog) {
                past.add(b.frame());
            }
            subscribers.add(s);
        }
        OutputStream out = exchange.getResponseBody();
        try {
            out.write(": trace events of this constellation\n\n".getBytes(StandardCharsets.UTF_8));
            for (byte[] f : past) {
                out.write(f);
            }
            out.write("event: backlog_end\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
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

    @Override
    public void close() {
        closed = true;
        for (Subscriber s : subscribers) {
            s.dropped = true;
        }
        subscribers.clear();
    }
}
