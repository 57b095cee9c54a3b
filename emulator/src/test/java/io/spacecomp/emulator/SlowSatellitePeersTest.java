package io.spacecomp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300 connections without the secret from one address trickling request heads at the coordinator's own port (Jetty:
 * no thread held): 64 are held until the head deadline, the rest answered 503 at once; a job through it, from the
 * constellation's own address, is exact in normal time.
 */
class SlowSatellitePeersTest {

    @TempDir
    Path tmp;

    @Test
    void tricklingPeersAtTheCoordinatorsPortDoNotFailAJob() throws Exception {
        try (Testbed bed = Testbed.start(3, 3, tmp.resolve("results"), TestData.projectRoot().resolve("data"))) {
            int port = bed.constellation.addresses().port(new SatId(1, 1));
            List<Socket> slow = new ArrayList<>();
            try {
                java.net.InetAddress other = java.net.InetAddress.getByName("127.0.0.2");
                for (int i = 0; i < 300; i++) {
                    Socket s = new Socket();
                    s.bind(new java.net.InetSocketAddress(other, 0));
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
                    s.getOutputStream().write("POST /isl HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                Socket last = slow.get(slow.size() - 1);
                last.setSoTimeout(5_000);
                String answer = new String(last.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 503", answer, "a connection over the per-address cap is answered 503 at once");
                String body = "{\"collectors\": 3, \"aoi\": [[1, 1], [2, 3], [3, 2], [1, 2], [2, 2], [3, 3], [1, 3]], "
                        + "\"allocator\": \"bipartite\", \"max_collect_records\": 10, \"job_data\": {\"filename\": \"corpus.txt\"}, "
                        + "\"reducer\": [2, 2]}";
                long t0 = System.nanoTime();
                GatewayClient.Answer a = bed.client.post("/submit", body.getBytes(StandardCharsets.UTF_8));
                assertEquals(200, a.status(), () -> new String(a.body()));
                JsonNode done = bed.client.await(a.json().get("jobid").asText(), Duration.ofSeconds(90));
                double s = (System.nanoTime() - t0) / 1e9;
                assertTrue(done.path("done").asBoolean() && !done.path("failed").asBoolean(), done.toString());
                assertEquals(new TreeMap<>(TestData.singleProcessCount(TestData.projectRoot().resolve("data/corpus.txt"))),
                        EmulatedWordCountTest.counts(done.get("result")));
                System.out.printf("300 slow connections from 127.0.0.2 at (1,1): the job through it exact after %.2f s%n", s);
                assertTrue(s < 10, "served in normal time, not after the head deadline: " + s + " s");
                // the held ones are cut at the head deadline (10 s after their head began, checked every second)
                Socket first = slow.get(0);
                first.setSoTimeout(20_000);
                int r;
                try {
                    r = first.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    r = -1;
                }
                double cutS = (System.nanoTime() - t0) / 1e9;
                assertEquals(-1, r, "cut without an answer");
                assertTrue(cutS < 15, "cut at the head deadline: " + cutS + " s after the job began");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }
}
