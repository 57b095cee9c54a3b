package io.spacecomp.cli;

import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.emulator.plane.Budget;
import io.spacecomp.emulator.plane.Orbits;
import io.spacecomp.emulator.plane.Plane;
import io.spacecomp.emulator.plane.PlaneConfig;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.Routers;
import io.spacecomp.sim.LinkRate;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.emulator.viewer.TraceTap;
import io.spacecomp.trace.JsonLinesTrace;
import io.spacecomp.trace.TraceHeader;
import io.spacecomp.trace.TraceSink;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/** One orbital plane of a live constellation: one JVM, M satellites, each its own HTTP endpoint. */
@Command(name = "plane", mixinStandardHelpOptions = true,
        description = {"Run one orbital plane of a live constellation: M satellites, each on its own port, running the job protocol.",
                "Internal traffic is signed with the secret in the environment variable SPACECOMP_ISL_KEY (launchers set it)."})
final class PlaneCommand implements Callable<Integer> {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    TleOptions tleOptions;

    @Mixin
    LiveNetworkOptions network;

    @Mixin
    TasksOptions taskJars;

    @Option(names = "--orb", required = true, paramLabel = "O", description = "This plane, 1..N.")
    int orb;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://gateway:8090/downlink",
            description = "The gateway's downlink endpoint, where coordinators report finished jobs (default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Collectors' data directory (default: the project's data/).")
    Path dataDir;

    @Option(names = "--router", defaultValue = "distance-aware",
            description = "Router of every message: manhattan, distance-aware, optimal, shortest (default: ${DEFAULT-VALUE}).")
    String router;

    @Option(names = "--isl-delay", defaultValue = "physical", paramLabel = "MODE",
            description = "physical: hold each hop for its propagation + serialisation time at the link's length now (satellites move "
                    + "in wall-clock time since --epoch); none: forward at once (default: ${DEFAULT-VALUE}).")
    String islDelay;

    @Option(names = "--epoch", defaultValue = "2026-01-01T00:00:00Z", paramLabel = "INSTANT",
            description = "Orbit time 0, ISO-8601; every plane of a constellation must share it (default: ${DEFAULT-VALUE}; "
                    + "with --tle the catalogue's epoch, not to be given).")
    String epoch;

    @Option(names = "--hop-attempts", defaultValue = "3", description = "Tries per ISL hop before a message is undeliverable, 1..20 (default: ${DEFAULT-VALUE}).")
    int hopAttempts;

    @Option(names = "--hop-timeout", defaultValue = "5", paramLabel = "S", description = "Seconds one try of a hop may take, 0.1..60 (default: ${DEFAULT-VALUE}).")
    double hopTimeoutS;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write a JSON-Lines trace (the simulator's schema) to FILE.")
    Path trace;

    @Option(names = "--parent-pid", paramLabel = "PID", defaultValue = "-1", hidden = true,
            description = "Exit when this process exits (set by the launcher).")
    long parentPid;

    @Option(names = "--budget-heap-mb", paramLabel = "MB", defaultValue = "0",
            description = "Size the satellites' admission budgets (bytes queued, jobs reduced, streams, bytes waiting to leave) as if "
                    + "the heap were MB, 1..1048576; 0: this JVM's -Xmx (default: ${DEFAULT-VALUE}).")
    long budgetHeapMb;

    @Option(names = "--insecure", description = "Start even though " + IslKey.ENV + " is not set: anyone who reaches a satellite's port "
            + "may then inject internal messages (a warning is printed).")
    boolean insecure;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Orbits orbits = LiveShell.orbits(shellOptions, tleOptions, spec);
        WalkerShell shell = orbits.grid();
        Flags.require(orb >= 1 && orb <= shell.planes(), "--orb", "an integer in [1, " + shell.planes() + "]", orb);
        Flags.oneOf("--router", router, Routers.NAMES);
        Flags.oneOf("--isl-delay", islDelay, List.of("none", "physical"));
        Flags.require(hopAttempts >= 1 && hopAttempts <= 20, "--hop-attempts", "an integer in [1, 20]", hopAttempts);
        Flags.require(hopTimeoutS >= 0.1 && hopTimeoutS <= 60, "--hop-timeout", "seconds in [0.1, 60]", hopTimeoutS);
        Flags.require(budgetHeapMb >= 0 && budgetHeapMb <= 1_048_576, "--budget-heap-mb", "0 (this JVM's -Xmx) or MB in [1, 1048576]",
                budgetHeapMb);
        long epochMs;
        if (orbits instanceof Orbits.Tle) {
            Flags.require(!spec.commandLine().getParseResult().hasMatchedOption("--epoch"), "--epoch",
                    "not with --tle (orbit time 0 is the catalogue's epoch)", epoch);
            epochMs = orbits.epochMs();
        } else {
            try {
                epochMs = Instant.parse(epoch).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid value for --epoch: " + epoch + " (allowed: an ISO-8601 instant such as 2026-01-01T00:00:00Z)");
            }
        }
        URI downlink = Flags.httpUrl("--gateway", gateway);
        Path dir = dataDir != null ? dataDir : Home.dataDir();
        Flags.require(Files.isDirectory(dir), "--data-dir", "an existing directory", dir);
        TaskRegistry tasks = taskJars.load().registry();
        TraceSink sink = TraceSink.NONE;
        JsonLinesTrace traceFile = null;
        if (trace != null) {
            traceFile = new JsonLinesTrace(new BufferedOutputStream(Files.newOutputStream(trace)));
            traceFile.emit(TraceHeader.of(shell, "emulation", Instant.ofEpochMilli(epochMs).toString()));
            sink = traceFile;
        }
        IslKey key = IslKey.fromEnvironment();
        if (key.isOpen() && !insecure) {
            throw new IllegalArgumentException(IslKey.ENV + " is not set: a plane without the constellation's secret would take "
                    + "internal messages from anyone; set it (launchers do), or pass --insecure to start anyway");
        }
        java.net.http.HttpClient client = Plane.client(orb); // one per process: the satellites' hops, the downlink, the tap
        TraceTap tap = TraceTap.toGateway(downlink, key, client); // the viewer's live feed (GET /events on the gateway)
        sink = TraceTap.tee(sink, tap);
        PlaneConfig config = new PlaneConfig(shell, orb, network.addresses(shell), epochMs, router, islDelay.equals("physical"),
                LinkRate.PAPER_BUDGET, new DataFiles(dir), tasks, downlink, sink, hopAttempts,
                Duration.ofMillis(Math.round(hopTimeoutS * 1000)), key, orbits.geometry());
        if (config.key().isOpen()) {
            spec.commandLine().getErr().println("warning: " + IslKey.ENV + " is not set (--insecure): this plane's endpoints accept "
                    + "internal messages from anyone who can reach them");
        }
        Budget budget = budgetHeapMb == 0 ? Budget.ofThisHeap() : Budget.ofHeap(budgetHeapMb << 20);
        Plane plane = Plane.start(config, client, budget);
        JsonLinesTrace closeTrace = traceFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            plane.close();
            tap.close();
            if (closeTrace != null) {
                try {
                    closeTrace.close();
                } catch (IOException e) {
                    // exiting anyway
                }
            }
        }));
        var a = config.addresses();
        int down = shell.satsPerPlane() - (int) java.util.stream.IntStream.rangeClosed(1, shell.satsPerPlane())
                .filter(s -> config.geometry().isUp(new io.spacecomp.orbit.shell.SatId(s, orb))).count();
        spec.commandLine().getOut().printf("plane %d: %d satellites on %s ports %d..%d%s%n", orb, shell.satsPerPlane() - down,
                a.bindHost(), a.port(shell.sat(1, orb)), a.port(shell.sat(shell.satsPerPlane(), orb)),
                down == 0 ? "" : " (" + down + " empty slot(s) of the TLE shell: down, their ports closed)");
        spec.commandLine().getOut().flush();
        LiveShell.awaitShutdown(parentPid);
        return 0;
    }
}
