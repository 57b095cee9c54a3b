package io.spacecomp.emulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.wire.Wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A client of the gateway's REST API, as leopymr's {@code job.py} and {@code listen.py} use it. */
public final class GatewayClient {

    private final URI base;
    private final HttpClient http;

    /** @param base the gateway, e.g. {@code http://localhost:8089} */
    public GatewayClient(URI base) {
        io.spacecomp.emulator.net.Http.init();
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An answer: its HTTP status and body. */
    public record Answer(int status, byte[] body, String contentDisposition) {
        public JsonNode json() {
            return Wire.parse(body);
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Answer post(String path, JsonNode body) throws IOException, InterruptedException {
        return post(path, Wire.bytes(body));
    }

    public Answer post(String path, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Disposition").orElse(null));
    }

    public Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Disposition").orElse(null));
    }

    public Answer submit(JsonNode job) throws IOException, InterruptedException {
        return post("/submit", job);
    }

    public Answer completion(String jobId) throws IOException, InterruptedException {
        ObjectNode b = Wire.object();
        b.put("jobid", jobId);
        return post("/completion", b);
    }

    public Answer download(String jobId, String file) throws IOException, InterruptedException {
        ObjectNode b = Wire.object();
        b.put("jobid", jobId);
        b.put("file", file);
        return post("/download", b);
    }

    /**
     * Polls {@code /completion} until the job is done or failed, or {@code timeout} passes; returns the
     * last answer.
     */
    public JsonNode await(String jobId, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        long pauseMs = 20;
        while (true) {
            Answer a = completion(jobId);
            if (a.status() == 503 && System.nanoTime() < end) {
                // The gateway is busy (too many connections or bodies at once): ask again after the time it says.
                Thread.sleep(1000L * Math.max(1, Math.min(10, a.json().path("retry_after_s").asInt(1))));
                continue;
            }
            JsonNode j = a.json();
            if (!a.ok() || j.path("done").asBoolean() || j.path("failed").asBoolean() || System.nanoTime() > end) {
                return j;
            }
            Thread.sleep(pauseMs);
            pauseMs = Math.min(500, pauseMs * 2);
        }
    }

    /**
     * Subscribes to {@code /subscribe}: {@code onEvent} gets each event's {@code data} JSON; {@code onOpen}
     * runs once the stream is open. The returned future ends when the stream does; cancel it to stop.
     */
    public CompletableFuture<Void> subscribe(Runnable onOpen, Consumer<JsonNode> onEvent) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/subscribe")).header("Accept", "text/event-stream").GET().build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("subscribe answered HTTP " + r.statusCode());
            }
            onOpen.run();
            try (Stream<String> lines = r.body()) {
                lines.forEach(line -> {
                    if (line.startsWith("data:")) {
                        onEvent.accept(Wire.parse(line.substring(5).trim().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    }
                });
            }
        });
    }
}
