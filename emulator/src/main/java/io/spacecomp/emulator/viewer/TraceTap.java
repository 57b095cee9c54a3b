package io.spacecomp.emulator.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plane's trace events, sent live to the gateway ({@code POST /trace} on its downlink port) for the
 * viewer: batched every {@value #FLUSH_MS} ms on one daemon thread, never blocking the satellite that emits.
 * It is a best-effort view, not the record (that is {@code --trace}): when the queue is full events are
 * dropped and counted; when the gateway has no {@code /trace} (404) the tap stops.
 */
public final class TraceTap implements TraceSink, AutoCloseable {

    static final int QUEUE_EVENTS = 200_000;
    static final int BATCH_EVENTS = 5_000;
    static final long FLUSH_MS = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<TraceEvent> queue = new ArrayBlockingQueue<>(QUEUE_EVENTS);
    private final URI target;
    private final IslKey key;
    private final HttpClient client;
    private final Thread sender;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean refused;

    private TraceTap(URI target, IslKey key, HttpClient client) {
        this.target = target;
        this.key = key;
        this.client = client;
        this.sender = new Thread(this::run, "trace-tap");
        this.sender.setDaemon(true);
    }

    /** A tap sending to the {@code /trace} endpoint beside the gateway's {@code downlink} endpoint. */
    public static TraceTap toGateway(URI downlink, IslKey key) {
        return toGateway(downlink, key, Http.internalClient("trace-tap-client", 1, Duration.ofSeconds(2)));
    }

    /** A tap that sends with {@code client} (a plane's own: one client per process). */
    public static TraceTap toGateway(URI downlink, IslKey key, HttpClient client) {
        TraceTap tap = new TraceTap(downlink.resolve("/trace"), key, client);
        tap.sender.start();
        return tap;
    }

    /** Both sinks (either may be {@link TraceSink#NONE}). */
    public static TraceSink tee(TraceSink a, TraceSink b) {
        if (!a.enabled()) {
            return b;
        }
        if (!b.enabled()) {
            return a;
        }
        return e -> {
            a.emit(e);
            b.emit(e);
        };
    }

    @Override
    public void emit(TraceEvent event) {
        if (!refused && !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public boolean enabled() {
        return !refused;
    }

    /** Events dropped because the queue was full or the gateway did not take them. */
    public long dropped() {
        return dropped.get();
    }

    /** Events the gateway took. */
    public long sent() {
        return sent.get();
    }

    private void run() {
        List<TraceEvent> batch = new ArrayList<>(BATCH_EVENTS);
        while (!closed || !queue.isEmpty()) {
            try {
                TraceEvent first = queue.poll(FLUSH_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                Thread.sleep(closed ? 0 : FLUSH_MS); // let a burst gather into one request
                queue.drainTo(batch, BATCH_EVENTS - 1);
                post(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void post(List<TraceEvent> batch) throws InterruptedException {
        try {
            HttpResponse<Void> r = client.send(key.sign(HttpRequest.newBuilder(target)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(batch))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 404 || r.statusCode() == 403) {
                refused = true; // a gateway without the viewer, or not ours: stop trying
                queue.clear();
            }
            if (r.statusCode() / 100 == 2) {
                sent.addAndGet(batch.size());
                return;
            }
        } catch (IOException e) {
            // the gateway is away (restarting): these events are lost to the live view, the next batch tries again
        }
        dropped.addAndGet(batch.size());
    }

    /** Sends what is queued (waiting at most 2 s), then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            sender.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
    }
}
