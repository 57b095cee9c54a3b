package io.spacecomp.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.viewer.ReplayServer;
import io.spacecomp.emulator.viewer.TraceFile;
import io.spacecomp.wire.Wire;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Replays a trace in the web viewer: the page the gateway serves live, here fed from a file. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Serve the web viewer for a trace: a simulate --trace file or an emulate --trace-dir directory.")
final class ViewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRACE", description = "A JSON-Lines trace file, or a directory of them (one per plane).")
    Path trace;

    @Option(names = "--port", defaultValue = "8088", description = "Port of the page, 0..65535; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--inclination", paramLabel = "DEG",
            description = "Shell inclination when the trace has no shell line (default: 87).")
    Double inclination;

    @Option(names = "--altitude", paramLabel = "KM", description = "Shell altitude when the trace has no shell line (default: 530).")
    Double altitude;

    @Option(names = "--ground", paramLabel = "LAT,LON",
            description = "Ground station to mark on the map (default: under the LOS satellite when the job is submitted).")
    String ground;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Flags.port("--port", port, true);
        Flags.require(Files.exists(trace), "TRACE", "an existing trace file or directory", trace);
        Flags.require(inclination == null || (inclination >= 0 && inclination <= 180), "--inclination", "degrees in [0, 180]", inclination);
        Flags.require(altitude == null || (altitude > 0 && altitude < 100_000), "--altitude", "km in (0, 100000)", altitude);
        ObjectNode fallback = Wire.object();
        fallback.put("inclination_deg", inclination == null ? 87.0 : inclination);
        fallback.put("altitude_km", altitude == null ? 530.0 : altitude);
        if (ground != null) {
            String[] p = ground.split(",");
            double lat;
            double lon;
            try {
                lat = Double.parseDouble(p[0].trim());
                lon = Double.parseDouble(p[1].trim());
            } catch (RuntimeException e) {
                lat = Double.NaN;
                lon = Double.NaN;
            }
            Flags.require(p.length == 2 && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180, "--ground",
                    "LAT,LON in degrees, e.g. 40.71,-74.01", ground);
            fallback.putArray("ground").add(lat).add(lon);
        }
        long t0 = System.nanoTime();
        TraceFile file = TraceFile.load(trace);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "%s: %d events from %d file(s) read in %.1f s%s%n", trace, file.events(), file.files().size(),
                (System.nanoTime() - t0) / 1e9, file.header() == null ? " (no shell line: N x M from the satellites it names, "
                        + "inclination and altitude from the flags)" : "");
        for (TraceFile.BadLine b : file.errors()) {
            err.println("bad line skipped: " + b);
        }
        if (file.errorCount() > file.errors().size()) {
            err.printf("... and %d more bad lines%n", file.errorCount() - file.errors().size());
        }
        err.flush();
        ReplayServer server = ReplayServer.start(file, fallback, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        out.printf("viewer: %s (Ctrl-C stops)%n", server.uri());
        out.flush();
        stopped.await();
        return 0;
    }
}
