package io.spacecomp.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.net.SatellitePorts;
import io.spacecomp.wire.Wire;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What one ISL hop costs on the satellites' server, the JDK's {@code HttpServer} (as the satellites had it) against
 * Jetty ({@link SatellitePorts}, as they have it now): POSTs of an envelope's size from the plane's HTTP client (JDK,
 * HTTP/1.1) to an endpoint that reads the body and answers 202 {@code {status}} as {@code /isl} does, one at a time
 * and 8 at once, client and server in this JVM. Per request: wall time, and CPU time of the whole process (client
 * and server). Prints a Markdown table; the median of {@code rounds} rounds of {@code requests} requests each, after
 * as many to warm up. Run with {@code scripts/bench-hop.sh [ROUNDS] [REQUESTS]}.
 */
public final class IslHopBenchmark {

    private IslHopBenchmark() {
    }

    private static final HttpHandler ISL = Http.handler("POST", exchange -> {
        byte[] body = Http.body(exchange, 64 * 1024 * 1024);
        ObjectNode answer = Wire.object();
        answer.put("status", body.length > 0 ? "OK" : "empty");
        Http.json(exchange, 202, answer);
    });

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Http.init();
        ThreadPoolExecutor pool = Http.pool("jdk-http", 160);
        HttpServer jdk = Http.server("127.0.0.1", 0, pool);
        jdk.createContext("/isl", ISL);
        jdk.start();
        int jettyPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            jettyPort = s.getLocalPort();
        }
        SatellitePorts jetty = new SatellitePorts("jetty-http");
        jetty.add("127.0.0.1", jettyPort, Map.of("/isl", ISL));
        jetty.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(Http.pool("client", 8)).build();
        URI jdkUri = URI.create("http://127.0.0.1:" + jdk.getAddress().getPort() + "/isl");
        URI jettyUri = URI.create("http://127.0.0.1:" + jettyPort + "/isl");
        System.out.printf(Locale.ROOT, "| server | body | at once | wall per request (µs) | CPU per request (µs, client + server) |%n");
        System.out.printf("|---|---|---|---|---|%n");
        for (int bytes : new int[] {1024, 100 * 1024}) {
            for (int parallel : new int[] {1, 8}) {
                for (String name : new String[] {"JDK HttpServer", "Jetty 12"}) {
                    URI uri = name.startsWith("JDK") ? jdkUri : jettyUri;
                    byte[] body = new byte[bytes];
                    Arrays.fill(body, (byte) 'x');
                    run(client, uri, body, parallel, requests); // warm-up
                    double[] wall = new double[rounds];
                    double[] cpu = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        double[] m = run(client, uri, body, parallel, requests);
                        wall[r] = m[0];
                        cpu[r] = m[1];
                    }
                    System.out.printf(Locale.ROOT, "| %s | %d KiB | %d | %.0f | %.0f |%n", name, bytes / 1024, parallel, median(wall),
                            median(cpu));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nmedian of %d rounds of %d requests; %d cores; java %s%n", rounds, requests,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        jdk.stop(0);
        jetty.close();
        pool.shutdownNow();
        System.exit(0);
    }

    /** Wall and process CPU time per request (µs) for {@code requests} POSTs, {@code parallel} at once. */
    private static double[] run(HttpClient client, URI uri, byte[] body, int parallel, int requests) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < parallel; lane++) {
            int mine = requests / parallel;
            lanes.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < mine; i++) {
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, threads));
        }
        CompletableFuture.allOf(lanes.toArray(new CompletableFuture[0])).get();
        threads.shutdown();
        double n = (double) (requests / parallel) * parallel;
        return new double[] {(System.nanoTime() - t0) / 1e3 / n * parallel, (os.getProcessCpuTime() - cpu0) / 1e3 / n};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
