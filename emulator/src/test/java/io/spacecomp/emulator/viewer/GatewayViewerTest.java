package io.spacecomp.emulator.viewer;

import io.spacecomp.emulator.Testbed;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's viewer routes, without a browser: the page, its meta, and /events fed by the planes' trace tap. */
class GatewayViewerTest {

    @TempDir
    Path tmp;

    @Test
    void pageMetaAndLiveEvents() throws Exception {
        WalkerShell shell = WalkerShell.paperDefault(3, 3);
        HttpClient http = HttpClient.newHttpClient();
        try (LocalConstellation constellation = Testbed.inProcess(new LocalConstellation.Options(shell, 0, 0,
                TestData.projectRoot().resolve("data"), tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null),
                Duration.ofSeconds(30))) {
            URI base = constellation.gatewayUri();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<script src=\"/viewer/viewer.js\">"), page.body());
            HttpResponse<String> meta = http.send(HttpRequest.newBuilder(base.resolve("/viewer/meta.json")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(meta.body().startsWith("{\"mode\":\"live\",\"shell\":{\"planes\":3,\"sats\":3,"), meta.body());
            HttpResponse<String> js = http.send(HttpRequest.newBuilder(base.resolve("/viewer/viewer.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse(""));
            assertEquals(404, http.send(HttpRequest.newBuilder(base.resolve("/viewer/../pom.xml")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(base.resolve("/nope")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, other.statusCode());
            assertTrue(other.body().contains("the API: POST /submit"), other.body());

            // Without the constellation's key, nobody may post trace events.
            URI trace = constellation.downlinkUri().resolve("/trace");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(trace).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode(), refused.body());

            // A job's trace reaches /events through the planes' tap: from job_submitted to job_done.
            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(base.resolve("/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream", events.headers().firstValue("Content-Type").orElse(""));
            String body = "{\"collectors\":2,\"aoi\":[[1,1],[1,2],[2,1],[2,2]],\"collect_task\":\"doccollector\",\"map_task\":\"wordcountmapper\","
                    + "\"reduce_task\":\"sumreducer\",\"job_data\":{\"filename\":\"corpus.txt\"}}";
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(base.resolve("/submit")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, submitted.statusCode(), submitted.body());
            boolean planned = false;
            boolean done = false;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                long end = System.nanoTime() + 30_000_000_000L;
                String line;
                while (!done && System.nanoTime() < end && (line = r.readLine()) != null) {
                    if (line.startsWith("data: [")) {
                        planned |= line.contains("\"type\":\"job_planned\"");
                        done |= line.contains("\"type\":\"job_done\"");
                    }
                }
            }
            assertTrue(planned && done, "job_planned and job_done arrived on /events");
        }
    }
}
