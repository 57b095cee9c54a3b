package io.spacecomp.emulator.net;

import com.sun.net.httpserver.HttpServer;
import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300 peers trickling their request heads (from 127.0.0.2) at a front whose server has 4 handler threads:
 * the server never sees them, another peer (127.0.0.1) is served in normal time throughout, the connections
 * beyond {@link SlashFront#MAX_PER_PEER} from the slow address are answered 503 at once, the others 408
 * when their head deadline passes.
 */
class SlowPeersTest {

    @Test
    void tricklingHeadsNeverReachTheServerAndOthersAreServed() throws Exception {
        ThreadPoolExecutor pool = Http.pool("slow-test", 4);
        HttpServer server = Http.server("127.0.0.1", 0, pool);
        server.createContext("/health", Http.handler("GET", ex -> Http.json(ex, 200, Wire.object().put("status", "ok"))));
        server.start();
        SlashFront front = SlashFront.start("127.0.0.1", 0, server.getAddress());
        List<Socket> slow = new ArrayList<>();
        try {
            InetAddress other = InetAddress.getByName("127.0.0.2");
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(other, 0));
                s.connect(front.address(), 5_000);
                s.getOutputStream().write("POST /health HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI health = URI.create("http://127.0.0.1:" + front.address().getPort() + "/health");
            long worstMs = 0;
            for (int i = 0; i < 20; i++) {
                for (Socket s : slow) {
                    if (!s.isClosed()) {
                        try {
                            s.getOutputStream().write('x'); // one byte now and then: never a whole head
                        } catch (java.io.IOException closedByFront) {
                            s.close();
                        }
                    }
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                worstMs = Math.max(worstMs, (System.nanoTime() - t0) / 1_000_000);
                assertEquals(200, r.statusCode(), r.body());
                Thread.sleep(250);
            }
            System.out.printf("300 slow peers: 20 requests of another peer served, slowest %d ms; %d answered 503 at once%n",
                    worstMs, front.refused());
            assertTrue(worstMs < 5_000, "served in normal time: " + worstMs + " ms");
            assertEquals(300 - SlashFront.MAX_PER_PEER, front.refused(), "beyond the per-peer cap: 503 at once");
            int timedOut = 0;
            int busy = 0;
            for (Socket s : slow) {
                if (s.isClosed()) {
                    busy++; // its write failed: it was refused at once
                    continue;
                }
                s.setSoTimeout(30_000);
                InputStream in = s.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (answer.startsWith("HTTP/1.1 408")) {
                    timedOut++;
                } else if (answer.startsWith("HTTP/1.1 503")) {
                    assertTrue(answer.contains("\"retry_after_s\":1"), answer);
                    busy++;
                }
            }
            assertEquals(SlashFront.MAX_PER_PEER, timedOut, "every held slow head answered 408 at its deadline");
            assertEquals(300 - SlashFront.MAX_PER_PEER, busy);
            assertEquals(0, pool.getCompletedTaskCount() - 20, "the server saw the 20 real requests only");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            front.close();
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
