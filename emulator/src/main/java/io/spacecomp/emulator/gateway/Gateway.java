package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.spacecomp.emulator.fault.LiveFault;
import io.spacecomp.emulator.net.BodyBudget;
import io.spacecomp.emulator.net.HealthChecks;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.viewer.LiveEvents;
import io.spacecomp.emulator.viewer.ViewerAssets;
import io.spacecomp.emulator.net.SlashFront;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.trace.TraceHeader;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final GatewayLimits limits;
    private final ResultStore store;
    private final Watchdog watchdog;
    /** Request bodies being read and parsed, charged at {@link BodyBudget#PARSE_FACTOR} times their size. */
    private final BodyBudget bodies;
    private final SseHub sse = new SseHub();
    /** Trace events the planes post, streamed to the viewer on /events. */
    private final LiveEvents live = new LiveEvents();
    private final HttpClient client;
    private final ConstellationGeometry geometry;
    /** Seeds for jobs that give none: a live gateway draws them, and reports each, so any run can be replayed. */
    private final SecureRandom seeds = new SecureRandom();
    private final ThreadPoolExecutor handlers;
    private HttpServer api;
    private SlashFront front;
    private HttpServer downlink;

    private Gateway(GatewayConfig config, GatewayLimits limits) throws IOException {
        this.config = config;
        this.limits = limits;
        this.store = new ResultStore(config.resultsDir(), limits.keepJobs());
        this.geometry = config.geometry(); // as every plane's
        this.handlers = Http.pool("gateway", 256);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.bodies = BodyBudget.ofHeap(4);
        List<SatId> present = config.shell().satellites().stream().filter(geometry::isUp).toList();
        this.watchdog = new Watchdog(config.addresses(), client, limits, present, this::failJob, this::tellLost,
                this::tellUnanswering, store::retryUnwritten);
    }

    public static Gateway start(GatewayConfig config) throws IOException {
        return start(config, GatewayLimits.DEFAULT);
    }

    /**
     * Starts the gateway. Jobs a previous gateway on the same results directory accepted and never saw end (it
     * stopped, or its launcher died, while they ran) end now as failed, with that reason: none stays pending.
     */
    public static Gateway start(GatewayConfig config, GatewayLimits limits) throws IOException {
        Gateway g = new Gateway(config, limits);
        try {
            for (String jobId : g.store.pending()) {
                g.failJob(jobId, g.store.acceptedMs(jobId), "the gateway stopped while the job was running (its launcher or "
                        + "host went down); the job's state on the satellites was lost with it");
            }
            // The API server listens on loopback behind the public port's front, which lets //submit through.
            g.api = Http.server("127.0.0.1", 0, g.handlers);
            HttpHandler page = Http.handler("GET", ViewerAssets::page);
            Map<String, HttpHandler> routes = Map.of(
                    "/submit", Http.handler("POST", g::submit),
                    "/completion", Http.handler("POST", g::completion),
                    "/download", Http.handler("POST", g::download),
                    "/subscribe", Http.handler("GET", g.sse::serve),
                    "/health", Http.handler("GET", g::health),
                    "/satellites", Http.handler("GET", g::satellites),
                    // fault injection: needs the constellation's secret, as the internal endpoints do
                    "/fault", Http.handler("POST", g::fault),
                    // The viewer: the page at /, its files and meta under /viewer/, trace events on /events.
                    "/events", Http.handler("GET", g.live::serve),
                    "/", page,
                    "/index.html", page);
            HttpHandler viewer = Http.handler("GET", g::viewer);
            HttpHandler unknown = Http.handler(null, ex -> {
                throw new Http.Refusal(404, null, "no such endpoint " + brief(ex.getRequestURI().getPath())
                        + " (the API: POST /submit, /completion, /download; GET /subscribe, /health, /satellites; "
                        + "the viewer: GET /, /events; with the constellation's key: POST /fault)");
            });
            // One context for every path, routed on the normalised path: a client given a base URL with a
            // trailing slash (job.py -u http://host:8089/) asks for //submit, which is the same endpoint.
            g.api.createContext("/", ex -> {
                String path = normalise(ex.getRequestURI().getPath());
                (path.startsWith("/viewer/") ? viewer : routes.getOrDefault(path, unknown)).handle(ex);
            });
            g.downlink = Http.server(config.downlinkHost(), config.downlinkPort(), g.handlers);
            g.downlink.createContext("/downlink", Http.handler("POST", g::onDownlink));
            g.downlink.createContext("/replanned", Http.handler("POST", g::onReplanned));
            g.downlink.createContext("/trace", Http.handler("POST", ex -> {
                g.config.key().check(ex.getRequestHeaders());
                g.live.receive(ex);
            }));
            g.api.start();
            g.front = SlashFront.start(config.host(), config.port(), g.api.getAddress());
            g.downlink.start();
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
        return g;
    }

    /** A request path with runs of slashes collapsed and no trailing slash: {@code //submit/} is {@code /submit}. */
    static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String brief(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** Where the public API listens (its port, when 0 was asked for). */
    public InetSocketAddress address() {
        return front.address();
    }

    /** The satellites the watchdog watches for a running job (for tests). */
    java.util.Set<SatId> watching(String jobId) {
        return watchdog.watching(jobId);
    }

    /** Where coordinators report finished jobs. */
    public InetSocketAddress downlinkAddress() {
        return downlink.getAddress();
    }

    private void submit(HttpExchange exchange) throws IOException, InterruptedException {
        JsonNode body = bodies.json(exchange, MAX_REQUEST_BYTES);
        String jobId = UUID.randomUUID().toString();
        JobSpec spec = SubmitRequest.parse(body, jobId, config.shell(), config.dataFiles(),
                () -> seeds.nextLong(SubmitRequest.MAX_DRAWN_SEED),
                box -> box.area().satellitesInside(geometry, (System.currentTimeMillis() - config.epochMs()) / 1000.0, box.pass()));
        long free = store.usableBytes();
        if (free < limits.minFreeBytes()) {
            throw new Http.Refusal(507, null, "the gateway's results store is full: " + (free >> 20) + " MiB free, "
                    + (limits.minFreeBytes() >> 20) + " MiB needed to accept a job; try again when space is freed");
        }
        long dataBytes = dataBytes(spec);
        if (dataBytes > limits.maxDataBytes()) {
            // what is in flight at once is bounded by the data budget: a job alone may not pass it either
            throw new Http.Refusal(400, "job_data.filename", String.format(java.util.Locale.ROOT, "job_data.filename is %.1f MiB, "
                    + "more than the %.1f MiB of input data the planes may have in flight at once (an eighth of a plane's heap); "
                    + "start the planes with a heap of at least %d MiB (emulate --java-opts -Xmx%dm, gateway --plane-heap-mb)",
                    dataBytes / 1048576.0, limits.maxDataBytes() / 1048576.0, heapMbFor(dataBytes), heapMbFor(dataBytes)));
        }
        Watchdog.Full busy = watchdog.admit(jobId, config.los(), spec.timeoutS(),
                spec.onFailure() == FailurePolicy.REPLAN, dataBytes);
        if (busy != null) {
            ObjectNode retry = Wire.object();
            retry.put("retry_after_s", RETRY_AFTER_S);
            String what = busy == Watchdog.Full.JOBS ? limits.maxJobs() + " jobs are in progress, the most it takes at once"
                    : String.format(java.util.Locale.ROOT, "the jobs in progress read %.1f MiB of data, and this one %.1f MiB more would "
                    + "pass the %.1f MiB it takes at once", watchdog.dataInProgress() / 1048576.0, dataBytes / 1048576.0,
                    limits.maxDataBytes() / 1048576.0);
            throw new Http.Refusal(503, null, "the constellation is busy: " + what + "; retry after " + RETRY_AFTER_S + " s", retry);
        }
        try {
            try {
                store.register(jobId, metaData(spec, body));
            } catch (java.io.UncheckedIOException full) {
                throw new Http.Refusal(507, null, "the gateway's results store cannot take the job ("
                        + full.getCause().getClass().getSimpleName() + "); try again when space is freed");
            }
            try {
                JsonNode plan = uplink(spec);
                watchdog.planned(jobId, satellitesOf(plan));
                Http.json(exchange, 200, plan);
            } catch (RuntimeException refused) {
                store.discard(jobId); // never accepted: nothing of it stays
                throw refused;
            }
        } catch (RuntimeException | InterruptedException notAccepted) {
            watchdog.ended(jobId);
            throw notAccepted;
        }
    }

    /** The plane heap (MiB) whose data budget takes {@code dataBytes}: eight times it, rounded up to 64 MiB. */
    private static long heapMbFor(long dataBytes) {
        long mb = (8 * dataBytes + (1 << 20) - 1) >> 20;
        return (mb + 63) / 64 * 64;
    }

    /** A job's input data (bytes), as charged against {@link GatewayLimits#maxDataBytes}: its data file's size. */
    private long dataBytes(JobSpec spec) {
        JsonNode name = spec.jobData() == null ? null : spec.jobData().get("filename");
        if (name != null && name.isTextual() && config.dataFiles() != null) {
            try {
                return Math.max(GatewayLimits.MIN_JOB_DATA_BYTES, Files.size(config.dataFiles().resolve(name.textValue())));
            } catch (IOException | RuntimeException e) {
                // not a file of the data directory: the collector says so, with the job
            }
        }
        return GatewayLimits.MIN_JOB_DATA_BYTES;
    }

    /** Seconds a client told "busy" (503) should wait before it submits again. */
    static final int RETRY_AFTER_S = 2;

    /** The satellites a plan names: its coordinator, reducer, collectors and mappers. */
    private static java.util.Set<SatId> satellitesOf(JsonNode plan) {
        java.util.Set<SatId> out = new java.util.HashSet<>();
        try {
            out.add(Wire.sat(plan.get("los"), "los"));
            out.add(Wire.sat(plan.get("reducer"), "reducer"));
            for (JsonNode pair : plan.path("allocations")) {
                out.add(Wire.sat(pair.get(0), "allocations"));
                out.add(Wire.sat(pair.get(1), "allocations"));
            }
        } catch (WireException e) {
            // a plan without them: its coordinator alone is watched
        }
        return out;
    }

    /**
     * Tells a coordinator that a satellite of a re-planning job stopped answering (the watchdog's news): it moves
     * that satellite's work. Best effort: were the news lost, the hops to the satellite fail and say the same.
     */
    private void tellLost(SatId coordinator, SatId lost, String reason) {
        ObjectNode body = Wire.object();
        body.set("satellite", Wire.sat(lost));
        body.put("reason", reason);
        client.sendAsync(config.key().sign(HttpRequest.newBuilder(config.addresses().uri(coordinator, "/lost")))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.bytes(body))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Tells every plane which satellites answer none of the watchdog's health checks now (the whole set: the last
     * report holds): their routers go round them, as round an injected fault, until a report leaves them out.
     * Best effort: a plane that misses it hears the set again within {@link Watchdog#RESEND_TICKS} s; a plane keeps
     * the newest set it got ({@code as_of_ms}), so two reports that cross on the way are no harm.
     */
    private void tellUnanswering(java.util.Set<SatId> silent, long asOfMs) {
        ObjectNode body = Wire.object();
        body.put("as_of_ms", asOfMs);
        body.set("satellites", Wire.sats(silent.stream().sorted(java.util.Comparator.comparingInt(
                x -> x.node(config.shell().satsPerPlane()))).toList()));
        toEveryPlane("/unanswering", Wire.bytes(body));
    }

    /**
     * Posts {@code body} to {@code path} on one satellite of every plane (the first that exists: a TLE shell has
     * empty slots), concurrently, 3 s each; each answer is the plane's error, or null when it took it.
     */
    private List<CompletableFuture<String>> toEveryPlane(String path, byte[] body) {
        int planes = config.shell().planes();
        List<CompletableFuture<String>> sent = new ArrayList<>(planes);
        for (int orb = 1; orb <= planes; orb++) {
            SatId target = new SatId(1, orb);
            for (int sat = 1; sat <= config.shell().satsPerPlane(); sat++) {
                if (geometry.isUp(new SatId(sat, orb))) {
                    target = new SatId(sat, orb);
                    break;
                }
            }
            sent.add(client.sendAsync(config.key().sign(HttpRequest.newBuilder(config.addresses().uri(target, path)))
                            .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> e != null ? e.getClass().getSimpleName() : r.statusCode() == 200 ? null
                            : "HTTP " + r.statusCode() + ": " + r.body()));
        }
        return sent;
    }

    /**
     * {@code POST /replanned} {@code {jobid, from, to}} on the downlink port, from a re-planning coordinator: it moved
     * work of the job from one satellite to another. The watchdog watches the new one from now on.
     */
    private void onReplanned(HttpExchange exchange) throws IOException {
        config.key().check(exchange.getRequestHeaders());
        JsonNode body = Http.jsonBody(exchange, 64 * 1024);
        String jobId = Wire.text(body, "jobid");
        SatId from = Wire.sat(body.get("from"), "from");
        SatId to = Wire.sat(body.get("to"), "to");
        for (SatId s : new SatId[] {from, to}) {
            if (s.sat() > config.shell().satsPerPlane() || s.orb() > config.shell().planes()) {
                throw new WireException(s == from ? "from" : "to", "is outside the shell: " + s);
            }
        }
        watchdog.replanned(jobId, from, to);
        ObjectNode ok = Wire.object();
        ok.put("status", "OK");
        Http.json(exchange, 200, ok);
    }

    /** Ends a job the coordinator did not (the watchdog's verdict, or a restart): failed, with the reason. */
    private void failJob(String jobId, long acceptedMs, String reason) {
        double startS = (acceptedMs - config.epochMs()) / 1000.0;
        double tookS = (System.currentTimeMillis() - acceptedMs) / 1000.0;
        try {
            finish(new JobOutcome(jobId, false, reason, null, startS, tookS, tookS, config.los(), null, List.of(), 0, 0));
        } catch (RuntimeException e) {
            // the store refused even to keep it in memory: nothing more to do
        }
    }

    /** Stores how a job ended, once, and publishes its event; a second outcome of the same job is ignored. */
    private void finish(JobOutcome outcome) {
        watchdog.ended(outcome.jobId());
        Optional<JsonNode> meta = store.meta(outcome.jobId());
        if (meta.isEmpty()) {
            return;
        }
        ObjectNode answer = completionAnswer(outcome);
        if (store.finish(outcome, answer)) {
            sse.publish(event(meta.get(), outcome, answer));
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
        if (answer.statusCode() == 503) {
            // the coordinator's port is full (connections or requests): the client tries again, as for our own budget
            ObjectNode retry = Wire.object();
            retry.put("retry_after_s", RETRY_AFTER_S);
            throw new Http.Refusal(503, null, "the coordinator " + config.los() + " is busy: " + plan.path("error").asText("")
                    + "; retry after " + RETRY_AFTER_S + " s", retry);
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

    /**
     * What SSE events say of the job ({@code meta_data}), in leopymr's shape: its {@code combine_task} is the
     * one the client sent (leopymr's default {@code mergecombiner} when none), whether or not the job takes
     * the combiner path; {@code data_id} is leopymr's 1-based allocation index, here always the last one
     * ({@code data_size}); {@code job_start} (Unix time) is added when the job ends. Ours beside:
     * {@code skip_map}, {@code seed}.
     */
    private ObjectNode metaData(JobSpec spec, JsonNode request) {
        ObjectNode m = Wire.object();
        m.put("jobid", spec.jobId());
        m.put("data_id", spec.collectors());
        m.put("data_size", spec.collectors());
        m.put("collect_task", spec.collectTask());
        m.put("map_task", spec.mapTask());
        JsonNode combine = request.get("combine_task");
        m.put("combine_task", combine != null && combine.isTextual() ? combine.textValue() : "mergecombiner");
        m.put("skip_map", !spec.combineTask().isEmpty());
        m.put("seed", spec.seed());
        m.put("reduce_task", spec.reduceTask());
        m.put("max_collect_records", spec.maxCollectRecords());
        m.set("job_data", spec.jobData());
        m.put("allocator", spec.allocator());
        m.put("reducer", spec.reducerPlacement());
        m.set("los", Wire.sat(config.los()));
        m.put("on_failure", spec.onFailure().cliName());
        return m;
    }

    private void onDownlink(HttpExchange exchange) throws IOException {
        config.key().check(exchange.getRequestHeaders());
        JobOutcome outcome = Wire.outcome(Http.jsonBody(exchange, MAX_DOWNLINK_BYTES));
        Optional<JsonNode> meta = store.meta(outcome.jobId());
        if (meta.isEmpty()) {
            throw new Http.Refusal(404, "jobid", "no job " + outcome.jobId() + " was submitted through this gateway");
        }
        finish(outcome);
        ObjectNode ok = Wire.object();
        ok.put("status", "OK");
        Http.json(exchange, 200, ok);
    }

    /**
     * The SSE event of a finished job, in leopymr's shape {@code {meta_data, job_time, result}}: {@code job_start}
     * in Unix seconds, a file result as the bare file name. Ours beside: {@code done} (always true: the job
     * is finished), {@code files} for a file result, {@code failed} and {@code error} when it failed.
     */
    private ObjectNode event(JsonNode meta, JobOutcome outcome, ObjectNode answer) {
        ObjectNode event = Wire.object();
        ObjectNode metaData = ((ObjectNode) meta).deepCopy();
        metaData.put("job_start", BigDecimal.valueOf(config.epochMs()).movePointLeft(3)
                .add(BigDecimal.valueOf(outcome.jobStartS())).setScale(6, RoundingMode.HALF_EVEN));
        if (outcome.reducer() != null) {
            metaData.set("reducer", Wire.sat(outcome.reducer()));
        }
        event.set("meta_data", metaData);
        event.put("job_time", leopymrJobTime(outcome));
        event.put("result_time", outcome.jobTimeS());
        event.put("done", true);
        if (outcome.done() && outcome.result().hasAttachment()) {
            event.put("result", outcome.result().attachment().name());
            event.set("files", answer.path("result").path("files"));
        } else {
            event.set("result", answer.get("result"));
        }
        if (!outcome.done()) {
            event.put("failed", true);
            event.put("error", outcome.error());
        }
        if (!outcome.replans().isEmpty()) {
            event.set("replans", answer.get("replans"));
        }
        return event;
    }

    /**
     * {@code job_time} as leopymr measures it: from acceptance until the reducer finished reducing (its
     * reducer takes the time; the result's way back to the coordinator is not in it). Ours beside it,
     * {@code result_time}: until the coordinator holds the result. For a failed job, until it failed.
     */
    private static double leopymrJobTime(JobOutcome o) {
        return o.done() ? o.reduceTimeS() : o.jobTimeS();
    }

    /**
     * The {@code /completion} answer of a finished job: leopymr's fields ({@code result} of a file job is
     * {@code {files: [name]}} there too); {@code done} is true whether it succeeded or failed, so clients
     * that poll until done (job.sh) stop; a failed job has {@code failed: true} and {@code error} beside.
     */
    private static ObjectNode completionAnswer(JobOutcome o) {
        ObjectNode a = Wire.object();
        a.put("jobid", o.jobId());
        a.put("done", true);
        a.put("job_time", leopymrJobTime(o));
        a.put("result_time", o.jobTimeS());
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
        if (!o.replans().isEmpty()) {
            // every move of its work: what, from where to where, when (after_s: since the job was accepted), why
            com.fasterxml.jackson.databind.node.ArrayNode moves = Wire.replans(o.replans());
            for (JsonNode m : moves) {
                ((ObjectNode) m).put("after_s", m.get("at").asDouble() - o.jobStartS());
            }
            a.set("replans", moves);
        }
        return a;
    }

    private void completion(HttpExchange exchange) throws IOException {
        JsonNode body = bodies.json(exchange, MAX_REQUEST_BYTES);
        String jobId;
        try {
            jobId = ResultStore.checkJobId(Wire.text(body, "jobid"));
        } catch (WireException e) {
            // Not an id this gateway makes, so no job of ours: say done false, as for an unknown id.
            ObjectNode unknown = Wire.object();
            JsonNode given = body.get("jobid");
            String text = given != null && given.isTextual() ? given.textValue() : null;
            unknown.put("jobid", text == null || text.length() <= 60 ? text : text.substring(0, 60) + "...");
            unknown.put("done", false);
            throw new Http.Refusal(400, "jobid", e.getMessage(), unknown);
        }
        Optional<byte[]> done = store.outcomeBytes(jobId);
        if (done.isPresent()) {
            Http.send(exchange, 200, "application/json", done.get());
            return;
        }
        if (!store.known(jobId)) {
            // leopymr answers {done: false, jobid} for an id it does not know; its clients read "done".
            ObjectNode unknown = Wire.object();
            unknown.put("jobid", jobId);
            unknown.put("done", false);
            throw new Http.Refusal(404, "jobid", "no job " + jobId, unknown);
        }
        ObjectNode pending = Wire.object();
        pending.put("jobid", jobId);
        pending.put("done", false);
        Http.json(exchange, 200, pending);
    }

    private void download(HttpExchange exchange) throws IOException {
        JsonNode body = bodies.json(exchange, MAX_REQUEST_BYTES);
        String jobId = ResultStore.checkJobId(Wire.text(body, "jobid"));
        String file = Wire.text(body, "file");
        byte[] bytes = store.file(jobId, file).orElseThrow(() ->
                new Http.Refusal(404, "file", "job " + jobId + " produced no file named '" + (file.length() > 60 ? file.substring(0, 60) + "..." : file) + "'"));
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file + "\"");
        Http.send(exchange, 200, "application/octet-stream", bytes);
    }

    private void health(HttpExchange exchange) throws IOException {
        ObjectNode o = Wire.object();
        o.put("status", "ok");
        o.set("los", Wire.sat(config.los()));
        o.put("planes", config.shell().planes());
        o.put("sats", config.shell().satsPerPlane());
        o.put("subscribers", sse.subscribers());
        o.put("jobs_running", watchdog.running());
        o.put("max_jobs", limits.maxJobs());
        o.put("outcomes_in_memory", store.unwrittenCount());
        Http.json(exchange, 200, o);
    }

    /**
     * {@code POST /fault}: injects a {@link LiveFault} (authenticated with the constellation's secret). It is checked
     * against the shell, then handed to every plane, at once: the routers of all of them plan around it, as the
     * simulator's see its fault state, and the satellites concerned drop their ISL traffic. The answer lists the
     * planes that took it and those that did not answer (a plane that is killed or paused).
     */
    private void fault(HttpExchange exchange) throws IOException {
        config.key().check(exchange.getRequestHeaders());
        LiveFault fault = LiveFault.parse(bodies.json(exchange, MAX_REQUEST_BYTES), config.shell().torus());
        int planes = config.shell().planes();
        List<CompletableFuture<String>> sent = toEveryPlane("/fault", Wire.bytes(fault.json()));
        ObjectNode o = Wire.object();
        o.put("fault", fault.describe());
        o.set("request", fault.json());
        ArrayNode applied = o.putArray("planes_applied");
        ArrayNode missed = o.putArray("planes_unreachable");
        for (int orb = 1; orb <= planes; orb++) {
            String error = sent.get(orb - 1).join();
            if (error == null) {
                applied.add(orb);
            } else {
                missed.addObject().put("plane", orb).put("error", error);
            }
        }
        Http.json(exchange, applied.isEmpty() ? 502 : 200, o);
    }

    /** Asks every satellite's {@code /health} ({@link HealthChecks#AT_ONCE} at a time, 2 s each): which answer, which do not. */
    private void satellites(HttpExchange exchange) throws IOException, InterruptedException {
        List<SatId> all = config.shell().satellites();
        java.util.Set<SatId> silent = HealthChecks.unanswered(client, config.addresses(), all, Duration.ofSeconds(2));
        ObjectNode o = Wire.object();
        ArrayNode down = Wire.object().arrayNode();
        for (SatId s : all) {
            if (silent.contains(s)) {
                down.add(Wire.sat(s));
            }
        }
        int up = all.size() - silent.size();
        o.put("total", all.size());
        o.put("up", up);
        o.set("down", down);
        // what the planes' routers were last told answers no health check (the watchdog's view, after its silence)
        o.set("unanswering", Wire.sats(watchdog.unanswering().stream().sorted(java.util.Comparator.comparingInt(
                x -> x.node(config.shell().satsPerPlane()))).toList()));
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
        watchdog.close();
        sse.close();
        live.close();
        if (front != null) {
            front.close();
        }
        if (api != null) {
            api.stop(0);
        }
        if (downlink != null) {
            downlink.stop(0);
        }
        handlers.shutdownNow();
    }
}
