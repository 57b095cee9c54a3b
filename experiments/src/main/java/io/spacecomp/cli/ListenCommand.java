package io.spacecomp.cli;

import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.PythonJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;

/** A drop-in for leopymr's {@code listen.py}: prints every job-completion event the gateway pushes. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Print every job-completion event (SSE on /subscribe), one JSON line each, until Ctrl-C.")
final class ListenCommand implements Callable<Integer> {

    @Option(names = {"-u", "--url"}, defaultValue = "http://localhost:8089", description = "Gateway endpoint (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--count", defaultValue = "0", description = "Exit after this many events; 0 listens forever (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--timeout", defaultValue = "0", paramLabel = "S", description = "Exit after S seconds; 0 never (default: ${DEFAULT-VALUE}).")
    double timeoutS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        URI base = Flags.httpUrl("-u/--url", url);
        Flags.require(count >= 0, "--count", "an integer >= 0", count);
        Flags.require(timeoutS >= 0 && timeoutS <= 86_400 * 365, "--timeout", "seconds >= 0", timeoutS);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch enough = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        CompletableFuture<Void> stream = new GatewayClient(base).subscribe(() -> { }, data -> {
            synchronized (out) {
                out.println(PythonJson.dumps(data));
                out.flush();
            }
            if (count > 0 && seen.incrementAndGet() >= count) {
                enough.countDown();
            }
        });
        stream.whenComplete((v, e) -> enough.countDown());
        if (timeoutS > 0) {
            enough.await(Math.round(timeoutS * 1000), TimeUnit.MILLISECONDS);
        } else {
            enough.await();
        }
        if (stream.isCompletedExceptionally()) {
            try {
                stream.get();
            } catch (ExecutionException e) {
                spec.commandLine().getErr().println("error: cannot listen at " + url + ": " + e.getCause());
                return 1;
            }
        }
        stream.cancel(true);
        return 0;
    }
}
