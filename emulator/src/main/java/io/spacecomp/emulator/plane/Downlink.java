package io.spacecomp.emulator.plane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.JobListener;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobPlan;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A plane's link to the ground. The uplink waits here for its coordinator's plan (the answer to
 * {@code /submit}); finished jobs go down to the gateway, retried a bounded number of times. A job that
 * fails while being planned is answered on the uplink instead, as a refused submission.
 */
final class Downlink implements JobListener {

    private static final int ATTEMPTS = 8;

    private final URI gateway;
    private final IslKey key;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final TraceSink trace;
    private final long epochMs;
    private final Map<String, CompletableFuture<ObjectNode>> waiting = new ConcurrentHashMap<>();

    Downlink(URI gateway, IslKey key, HttpClient client, ScheduledExecutorService timer, TraceSink trace, long epochMs) {
        this.gateway = gateway;
        this.key = key;
        this.client = client;
        this.timer = timer;
        this.trace = trace;
        this.epochMs = epochMs;
    }

    CompletableFuture<ObjectNode> expect(String jobId) {
        CompletableFuture<ObjectNode> f = new CompletableFuture<>();
        if (waiting.putIfAbsent(jobId, f) != null) {
            throw new WireException("jobid", "job " + jobId + " is already being submitted");
        }
        return f;
    }

    void forget(String jobId) {
        waiting.remove(jobId);
    }

    @Override
    public void jobAccepted(JobSpec spec, SatId los, JobPlan plan) {
        CompletableFuture<ObjectNode> f = waiting.remove(spec.jobId());
        if (f != null) {
            f.complete(Wire.accepted(spec, los, plan));
        }
    }

    @Override
    public void jobFinished(JobOutcome outcome) {
        CompletableFuture<ObjectNode> f = waiting.remove(outcome.jobId());
        if (f != null) {
            ObjectNode refusal = Wire.object();
            refusal.put("jobid", outcome.jobId());
            refusal.put("error", outcome.error());
            f.complete(refusal);
            return;
        }
        post(Wire.bytes(Wire.outcome(outcome)), outcome.jobId(), 1);
    }

    private void post(byte[] body, String jobId, int attempt) {
        if (gateway == null) {
            return; // a plane run without a gateway (tests of the mesh alone)
        }
        HttpRequest request = key.sign(HttpRequest.newBuilder(gateway)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e == null && r.statusCode() / 100 == 2) {
                return;
            }
            if (attempt < ATTEMPTS) {
                timer.schedule(() -> post(body, jobId, attempt + 1), 250L << Math.min(attempt, 5), TimeUnit.MILLISECONDS);
            } else if (trace.enabled()) {
                trace.emit(new TraceEvent(WallClock.secondsSince(epochMs), "node_error", jobId, null, null, null, null, null, null,
                        "outcome could not reach the gateway " + gateway + " after " + attempt + " attempts"));
            }
        });
    }
}
