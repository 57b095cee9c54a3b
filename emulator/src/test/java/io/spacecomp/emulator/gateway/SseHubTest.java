package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseHubTest {

    @Test
    void aStalledSubscriberIsDisconnectedWhileOthersGetEveryEvent() throws Exception {
        SseHub hub = new SseHub();
        ThreadPoolExecutor pool = Http.pool("sse-test", 8);
        HttpServer server = Http.server("127.0.0.1", 0, pool);
        server.createContext("/subscribe", Http.handler("GET", hub::serve));
        server.start();
        int port = server.getAddress().getPort();
        try (Socket stalled = new Socket("127.0.0.1", port)) {
            stalled.setReceiveBufferSize(4096);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /subscribe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush(); // ... and never reads a byte

            AtomicInteger received = new AtomicInteger();
            CountDownLatch open = new CountDownLatch(1);
            CompletableFuture<Void> reader = new GatewayClient(URI.create("http://127.0.0.1:" + port))
                    .subscribe(open::countDown, data -> received.incrementAndGet());
            assertTrue(open.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hub.subscribers() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, hub.subscribers());

            ObjectNode event = Wire.object();
            event.put("padding", "x".repeat(8 * 1024));
            int events = 3 * SseHub.QUEUE_EVENTS;
            long publishing = System.nanoTime();
            for (int i = 0; i < events; i++) {
                event.put("n", i);
                hub.publish(event);
                if (i % 4 == 0) {
                    Thread.sleep(1); // a pace the reading subscriber keeps up with
                }
            }
            assertTrue(System.nanoTime() - publishing < TimeUnit.SECONDS.toNanos(30), "publishing never waits for a stalled reader");
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((hub.subscribers() > 1 || received.get() < events) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, hub.subscribers(), "the stalled subscriber was let go");
            assertEquals(events, received.get(), "the reading subscriber got every event");
            reader.cancel(true);
        } finally {
            hub.close();
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
