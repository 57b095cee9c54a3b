package io.spacecomp.emulator.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.spacecomp.wire.Wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * A bound on the heap that request bodies take while they are read and parsed: each is charged
 * {@link #PARSE_FACTOR} times its declared length (a JSON body becomes a tree of nodes ~30 times its size),
 * before a byte of it is read; a body that does not fit in what is left is refused at once with 503
 * {@code {error, retry_after_s}}, so that many large bodies at once slow their senders instead of
 * exhausting the heap. Sized as a fraction of the JVM's maximum heap ({@code -Xmx}).
 */
public final class BodyBudget {

    /** Heap taken by a parsed JSON body, per byte of it (measured ~30 on 4 MiB AOI bodies). */
    public static final int PARSE_FACTOR = 32;
    /** The least a body is charged (a few headers and a small object). */
    static final long MIN_CHARGE = 64 * 1024;
    public static final int RETRY_AFTER_S = 1;

    private final long capacity;
    private long used;

    public BodyBudget(long capacity) {
        if (capacity < MIN_CHARGE) {
            throw new IllegalArgumentException("a body budget must be at least " + MIN_CHARGE + " bytes, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** {@code 1/fraction} of the maximum heap. */
    public static BodyBudget ofHeap(int fraction) {
        return new BodyBudget(Math.max(MIN_CHARGE, Runtime.getRuntime().maxMemory() / fraction));
    }

    public long capacity() {
        return capacity;
    }

    public synchronized long used() {
        return used;
    }

    /** The body as a JSON object, read within the budget; 503 when it does not fit now. */
    public JsonNode json(HttpExchange exchange, int maxBytes) throws IOException {
        long declared = maxBytes;
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                declared = Math.min(maxBytes, Math.max(0, Long.parseLong(length.trim())));
            } catch (NumberFormatException e) {
                throw new Http.Refusal(400, "body", "Content-Length is not a number");
            }
        }
        long charge = Math.min(capacity, Math.max(MIN_CHARGE, declared * PARSE_FACTOR));
        if (!take(charge)) {
            drain(exchange, maxBytes);
            ObjectNode retry = Wire.object();
            retry.put("retry_after_s", RETRY_AFTER_S);
            throw new Http.Refusal(503, "body", "the server is busy reading other requests (" + (capacity >> 20)
                    + " MiB of heap for request bodies is in use); retry after " + RETRY_AFTER_S + " s", retry);
        }
        try {
            return Http.jsonBody(exchange, maxBytes);
        } finally {
            give(charge);
        }
    }

    /**
     * Reads and drops the body (a 16 KiB buffer: no heap to speak of), so that the refusal reaches a client still
     * sending it; a connection closed on an unread body is reset, and the answer lost with it.
     */
    private static void drain(HttpExchange exchange, int maxBytes) {
        byte[] buf = new byte[16 * 1024];
        long left = maxBytes + 1L;
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException gone) {
            // the client went away: nothing to answer
        }
    }

    private synchronized boolean take(long charge) {
        if (used + charge > capacity) {
            return false;
        }
        used += charge;
        return true;
    }

    private synchronized void give(long charge) {
        used -= charge;
    }
}
