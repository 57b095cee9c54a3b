package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.deploy.ConstellationSettings;
import io.spacecomp.emulator.client.GatewayClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code constellation status}: every satellite's health through the gateway, whatever the target. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Report every satellite's health through the gateway; waits up to --timeout for all, exits 1 when some are down.")
final class ConstellationStatus implements Callable<Integer> {
    @Mixin
    ConstellationName where;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "S", description = "Seconds to wait for every satellite, 0..3600 (default: ${DEFAULT-VALUE}).")
    int timeoutS;

    @Option(names = "--url", paramLabel = "URL",
            description = "The gateway's API (default: http://127.0.0.1:PORT, PORT as created; swarm: the gateway's node; "
                    + "k8s: after kubectl -n NAME port-forward svc/gateway PORT:8089).")
    String url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Flags.require(timeoutS >= 0 && timeoutS <= 3600, "--timeout", "seconds in [0, 3600]", timeoutS);
        ConstellationSettings s = ConstellationSettings.read(where.dir());
        URI api = url != null ? Flags.httpUrl("--url", url) : URI.create("http://127.0.0.1:" + s.port());
        GatewayClient client = new GatewayClient(api);
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(timeoutS);
        String last = "the gateway does not answer";
        while (true) {
            try {
                JsonNode h = client.get("/satellites").json();
                last = h.get("up").asInt() + " of " + h.get("total").asInt() + " satellites up"
                        + (h.get("down").isEmpty() ? "" : ", down: " + h.get("down"));
                if (h.get("down").isEmpty()) {
                    out.printf("%s: %s (%.1f s)%n", where.name, last, (System.nanoTime() - start) / 1e9);
                    out.flush();
                    return 0;
                }
            } catch (IOException e) {
                last = "the gateway does not answer at " + api + " (" + Flags.reason(e) + ")";
            }
            if (System.nanoTime() > end) {
                out.printf("%s: %s after %d s%n", where.name, last, timeoutS);
                out.flush();
                return 1;
            }
            Thread.sleep(500);
        }
    }
}
