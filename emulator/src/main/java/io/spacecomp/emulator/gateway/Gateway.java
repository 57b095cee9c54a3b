package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.viewer.LiveEvents;
import io.spacecomp.emulator.viewer.ViewerAssets;
import io.spacecomp.emulator.wire.Wire;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.trace.TraceHeader;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The ground gateway: leopymr's REST API ({@code /submit}, {@code /completion}, {@code /download},
 * {@code /subscribe}), wire-compatible with its clients. A job goes up to the LOS satellite, which plans it
 * and answers with the plan; when it ends, the coordinator sends the outcome down to the downlink
 * endpoint (on its own port, never published outside the constellation), which stores it and pushes one
 * SSE event. Satellite endpoints are not reachable through the gateway.
 */
public final class Gateway implements AutoCloseable {

    /** Largest request body accepted on the public API (bytes): room for the AOI of a 100×100 shell. */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** Largest outcome a coordinator may send down (bytes). */
    static final int MAX_DOWNLINK_BYTES = 256 * 1024 * 1024;

    private final GatewayConfig config;
    private final ResultStore store;
    private final SseHub sse = new SseHub();
    /** Trace events the planes post, streamed to the viewer on /events. */
    private final LiveEvents live = new LiveEvents();
    private final HttpClient client;
    private final ThreadPoolExecutor handlers;
    private HttpServer api;
    private HttpServer downlink;

    private Gateway(GatewayConfig config) throws IOException {
        this.config = config;
        this.store = new ResultStore(config.resultsDir());
        this.handlers = Http.pool("gateway", 256);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static Gateway start(GatewayConfig config) throws IOException {
        Gateway g = new Gateway(config);
        try {
            g.api = Http.server(config.host(), config.port(), g.handlers);
            g.api.createContext("/submit", Http.handler("POST", g::submit));
            g.api.createContext("/completion", Http.handler("POST", g::completion));
            g.api.createContext("/download", Http.handler("POST", g::download));
            g.api.createContext("/subscribe", Http.handler("GET", g.sse::serve));
            g.api.createContext("/health", Http.handler("GET", g::health));
            g.api.createContext("/satellites", Http.handler("GET", g::satellites));
            // The viewer: the page at /, its files and meta under /viewer/, trace events on /events.
            g.api.createContext("/events", Http.handler("GET", g.live::serve));
            g.api.createContext("/viewer/", Http.handler("GET", g::viewer));
            g.api.createContext("/", Http.handler(null, ex -> {
                String path = ex.getRequestURI().getPath();
                if (ex.getRequestMethod().equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
                    ViewerAssets.page(ex);
                    return;
                }
                throw new Http.Refusal(404, null, "no such endpoint " + ex.getRequestURI().getPath()
                        + " (the API: POST /submit, /completion, /download; GET /subscribe, /health, /satellites)");
            }));
            g.downlink = Http.server(config.downlinkHost(), config.downlinkPort(), g.handlers);
            g.downlink.createContext("/downlink", Http.handler("POST", g::onDownlink));
            g.downlink.createContext("/trace", Http.handler("POST", ex -> {
                g.config.key().check(ex.getRequestHeaders());
                g.live.receive(ex);
            }));
            g.api.start();
            g.downlink.start();
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
        return g;
    }

    /** Where the public API listens (its port, when 0 was asked for). */
    public InetSocketAddress address() {
        return api.getAddress();
    }

    /** Where coordinators report finished jobs. */
    public InetSocketAddress downlinkAddress() {
        return downlink.getAddress();
    }

    private void submit(HttpExchange exchange) throws IOException, InterruptedException {
        JsonNode body = Http.jsonBody(exchange, MAX_REQUEST_BYTES);
        String jobId = UUID.randomUUID().toString();
        JobSpec spec = SubmitRequest.parse(body, jobId, config.shell(), config.dataFiles());
        store.register(jobId, metaData(spec));
        try {
            Http.json(exchange, 200, uplink(spec));
        } catch (RuntimeException refused) {
            store.discard(jobId); // never accepted: nothing of it stays
            throw refused;
        }
    }

    /** Sends the job up to its coordinator; returns the plan it answers with. */
    private JsonNode uplink(JobSpec spec) throws InterruptedException {
        URI uplink = config.addresses().uri(config.los(), "/uplink");
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(config.key().sign(HttpRequest.newBuilder(uplink)).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.bytes(Wire.spec(spec)))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Http.Refusal(503, null, "the coordinator " + config.los() + " at " + uplink + " is unreachable: " + e);
        }
        JsonNode plan = Wire.parse(answer.body());
        if (answer.statusCode() == 400) {
            // The coordinator refused the job while planning it (unknown task, ...): say which field.
            String error = plan.path("error").asText("refused by the coordinator");
            throw new Http.Refusal(400, fieldOf(error), error);
        }
        if (answer.statusCode() != 200) {
            throw new Http.Refusal(502, null, "the coordinator " + config.los() + " answered HTTP " + answer.statusCode()
                    + ": " + plan.path("error").asText(""));
        }
        return plan;
    }

    /** The request field a coordinator's refusal is about, from the field names its message mentions. */
    private static String fieldOf(String error) {
        for (String f : new String[] {"collect_task", "map_task", "combine_task", "reduce_task", "aoi", "collectors", "reducer",
                "allocator", "max_collect_records", "timeout"}) {
            if (error.contains(f)) {
                return f;
            }
        }
        return "body";
    }

    /** What SSE events say of the job ({@code meta_data}, as leopymr's). */
    private ObjectNode metaData(JobSpec spec) {
        ObjectNode m = Wire.object();
        m.put("jobid", spec.jobId());
        m.put("data_size", spec.collectors());
        m.put("collect_task", spec.collectTask());
        m.put("map_task", spec.mapTask());
        m.put("combine_task", spec.combineTask());
        m.put("reduce_task", spec.reduceTask());
        m.put("max_collect_records", spec.maxCollectRecords());
        m.set("job_data", spec.jobData());
        m.put("allocator", spec.allocator());
        m.put("reducer", spec.reducerPlacement());
        m.set("los", Wire.sat(config.los()));
        return m;
    }

    private void onDownlink(HttpExchange exchange) throws IOException {
        config.key().check(exchange.getRequestHeaders());
        JobOutcome outcome = Wire.outcome(Http.jsonBody(exchange, MAX_DOWNLINK_BYTES));
        Optional<JsonNode> meta = store.meta(outcome.jobId());
        if (meta.isEmpty()) {
            throw new Http.Refusal(404, "jobid", "no job " + outcome.jobId() + " was submitted through this gateway");
        }
        ObjectNode answer = completionAnswer(outcome);
        if (store.finish(outcome, answer)) {
            ObjectNode event = Wire.object();
            ObjectNode metaData = ((ObjectNode) meta.get()).deepCopy();
            metaData.put("job_start", outcome.jobStartS());
            if (outcome.reducer() != null) {
                metaData.set("reducer", Wire.sat(outcome.reducer()));
            }
            event.set("meta_data", metaData);
            event.put("job_time", outcome.jobTimeS());
            event.put("done", outcome.done());
            event.set("result", answer.get("result"));
            if (!outcome.done()) {
                event.put("error", outcome.error());
            }
            sse.publish(event);
        }
        ObjectNode ok = Wire.object();
        ok.put("status", "OK");
        Http.json(exchange, 200, ok);
    }

    /** The {@code /completion} answer of a finished job: leopymr's fields, plus {@code failed}/{@code error}. */
    private static ObjectNode completionAnswer(JobOutcome o) {
        ObjectNode a = Wire.object();
        a.put("jobid", o.jobId());
        a.put("done", o.done());
        a.put("job_time", o.jobTimeS());
        if (o.done()) {
            if (o.result().hasAttachment()) {
                ObjectNode files = a.putObject("result");
                files.putArray("files").add(o.result().attachment().name());
            } else {
                a.set("result", o.result().value());
            }
        } else {
            a.put("failed", true);
            a.put("error", o.error());
        }
        return a;
    }

    private void completion(HttpExchange exchange) throws IOException {
        JsonNode body = Http.jsonBody(exchange, MAX_REQUEST_BYTES);
        String jobId = ResultStore.checkJobId(Wire.text(body, "jobid"));
        Optional<JsonNode> done = store.outcome(jobId);
        if (done.isPresent()) {
            Http.json(exchange, 200, done.get());
            return;
        }
        if (store.meta(jobId).isEmpty()) {
            throw new Http.Refusal(404, "jobid", "no job " + jobId);
        }
        ObjectNode pending = Wire.object();
        pending.put("jobid", jobId);
        pending.put("done", false);
        Http.json(exchange, 200, pending);
    }

    private void download(HttpExchange exchange) throws IOException {
        JsonNode body = Http.jsonBody(exchange, MAX_REQUEST_BYTES);
        String jobId = ResultStore.checkJobId(Wire.text(body, "jobid"));
        String file = Wire.text(body, "file");
        Path p = store.file(jobId, file).orElseThrow(() ->
                new Http.Refusal(404, "file", "job " + jobId + " produced no file named '" + (file.length() > 60 ? file.substring(0, 60) + "..." : file) + "'"));
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + p.getFileName() + "\"");
        Http.send(exchange, 200, "application/octet-stream", Files.readAllBytes(p));
    }

    private void health(HttpExchange exchange) throws IOException {
        ObjectNode o = Wire.object();
        o.put("status", "ok");
        o.set("los", Wire.sat(config.los()));
        o.put("planes", config.shell().planes());
        o.put("sats", config.shell().satsPerPlane());
        o.put("subscribers", sse.subscribers());
        Http.json(exchange, 200, o);
    }

    /** Asks every satellite's {@code /health} (concurrently, 2 s each): which answer, which do not. */
    private void satellites(HttpExchange exchange) throws IOException {
        List<SatId> all = config.shell().satellites();
        List<CompletableFuture<Boolean>> probes = new ArrayList<>(all.size());
        for (SatId s : all) {
            probes.add(client.sendAsync(HttpRequest.newBuilder(config.addresses().uri(s, "/health")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).handle((r, e) -> e == null && r.statusCode() == 200));
        }
        ObjectNode o = Wire.object();
        ArrayNode down = Wire.object().arrayNode();
        int up = 0;
        for (int i = 0; i < all.size(); i++) {
            if (probes.get(i).join()) {
                up++;
            } else {
                down.add(Wire.sat(all.get(i)));
            }
        }
        o.put("total", all.size());
        o.put("up", up);
        o.set("down", down);
        Http.json(exchange, 200, o);
    }

    /** {@code /viewer/meta.json} (what the page shows: this constellation, live) or one of the page's files. */
    private void viewer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/viewer/meta.json")) {
            ViewerAssets.asset(exchange);
            return;
        }
        ObjectNode m = Wire.object();
        m.put("mode", "live");
        m.set("shell", Wire.parse(TraceHeader.of(config.shell(), "emulation", null).detail()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        m.set("los", Wire.sat(config.los()));
        m.put("events_received", live.received());
        Http.json(exchange, 200, m);
    }

    @Override
    public void close() {
        sse.close();
        live.close();
        if (api != null) {
            api.stop(0);
        }
        if (downlink != null) {
            downlink.stop(0);
        }
        handlers.shutdownNow();
    }
}
