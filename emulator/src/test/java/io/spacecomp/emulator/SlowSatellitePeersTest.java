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

/** 100 peers without the secret trickling request heads at the coordinator's own port: a job through it is exact. */
class SlowSatellitePeersTest {

    @TempDir
    Path tmp;

    @Test
    void tricklingPeersAtTheCoordinatorsPortDoNotFailAJob() throws Exception {
        try (Testbed bed = Testbed.start(3, 3, tmp.resolve("results"), TestData.projectRoot().resolve("data"))) {
            int port = bed.constellation.addresses().port(new SatId(1, 1));
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    s.getOutputStream().write("POST /isl HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
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
                System.out.printf("100 slow peers at (1,1): the job through it exact after %.2f s%n", s);
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }
}
