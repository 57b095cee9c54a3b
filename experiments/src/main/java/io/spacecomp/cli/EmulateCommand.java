package io.spacecomp.cli;

import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.emulator.gateway.GatewayLimits;
import io.spacecomp.emulator.plane.Orbits;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.Routers;
import io.spacecomp.tasks.TaskClasspath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** A whole live constellation on this machine: one child JVM per plane, plus the gateway. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = "Run a live constellation locally: one process per orbital plane, every satellite an HTTP endpoint, and the gateway.")
final class EmulateCommand implements Callable<Integer> {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    TleOptions tleOptions;

    @Mixin
    TasksOptions taskJars;

    @Option(names = "--port", defaultValue = "8089", description = "Gateway API port, 0..65535 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--port-base", defaultValue = "20000",
            description = "Satellites listen on 127.0.0.1, port-base + node (default: ${DEFAULT-VALUE}).")
    int portBase;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Collectors' data directory (default: the project's data/).")
    Path dataDir;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "live-results",
            description = "The gateway's results, and plane logs in logs/ (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--los", paramLabel = "SAT,ORB", defaultValue = "1,1", description = "Coordinator of every job (default: ${DEFAULT-VALUE}).")
    String los;

    @Option(names = "--router", defaultValue = "distance-aware",
            description = "Router of every message: manhattan, distance-aware, optimal, shortest (default: ${DEFAULT-VALUE}).")
    String router;

    @Option(names = "--isl-delay", defaultValue = "physical", paramLabel = "MODE",
            description = "physical: hold each hop for its propagation + serialisation time at the link's length now, the satellites "
                    + "moving in wall-clock time since the constellation epoch; none: forward at once (default: ${DEFAULT-VALUE}).")
    String islDelay;

    @Option(names = "--trace-dir", paramLabel = "DIR", description = "Each plane writes a JSON-Lines trace DIR/orb<o>.jsonl.")
    Path traceDir;

    @Option(names = "--startup-timeout", defaultValue = "300", paramLabel = "S",
            description = "Seconds to wait for every satellite to answer, 1..3600 (default: ${DEFAULT-VALUE}).")
    int startupTimeoutS;

    @Option(names = "--java-opts", paramLabel = "OPTS", defaultValue = PlaneJvm.DEFAULT_OPTS,
            description = "JVM options of each plane process; -Xmx256m and -XX:+ExitOnOutOfMemoryError are added unless given, and "
                    + "the planes' class-data archive unless an -Xshare or archive option is (default: ${DEFAULT-VALUE}).")
    String javaOpts;

    @Option(names = "--health-silence", paramLabel = "S", description = "Seconds without a health check answered after which the "
            + "gateway takes a satellite for gone (its jobs fail, or re-plan; routers go round it), 1..600 (default: 5, or half a "
            + "second per plane process on a core of this machine when longer, at most 60).")
    Double healthSilenceS;

    @Option(names = "--print-java-opts", hidden = true, description = "Print the default --java-opts and exit (for scripts).")
    boolean printJavaOpts;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Start the constellation a scenario file describes: its shell, first router, data and LOS coordinator.")
    Path scenario;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (printJavaOpts) {
            spec.commandLine().getOut().println(PlaneJvm.DEFAULT_OPTS);
            return 0;
        }
        TaskClasspath tasks = taskJars.load();
        Orbits orbits;
        SatId coordinator;
        String routerName;
        Path dir;
        LiveScenario live = null;
        if (scenario != null) {
            CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
            for (String flag : List.of("--planes", "--sats", "--inclination", "--altitude", "--phasing", "--earth-radius",
                    "--tle", "--shell", "--los", "--router", "--data-dir")) {
                Flags.require(!parsed.hasMatchedOption(flag), flag, "not with --scenario (set it in " + scenario + ")",
                        parsed.hasMatchedOption(flag) ? parsed.matchedOption(flag).getValue() : "");
            }
            live = LiveScenario.of(StudyCommandSupport.read(scenario).base(), tasks.registry(), Home.dataDir());
            orbits = live.orbits();
            coordinator = live.coordinator();
            routerName = live.router();
            dir = live.dataDir();
        } else {
            orbits = LiveShell.orbits(shellOptions, tleOptions, spec);
            coordinator = Flags.satellite("--los", los, orbits.grid());
            Flags.require(orbits.geometry().isUp(coordinator), "--los", "a satellite that is up (" + coordinator
                    + " is an empty slot of the --tle shell)", los);
            Flags.oneOf("--router", router, Routers.NAMES);
            routerName = router;
            dir = dataDir != null ? dataDir : Home.dataDir();
        }
        WalkerShell shell = orbits.grid();
        Flags.port("--port", port, true);
        Flags.require(portBase >= 1 && portBase + shell.size() <= 65_535, "--port-base",
                "a port in [1, " + (65_535 - shell.size()) + "] (one port per satellite above it)", portBase);
        Flags.oneOf("--isl-delay", islDelay, List.of("none", "physical"));
        Flags.require(startupTimeoutS >= 1 && startupTimeoutS <= 3600, "--startup-timeout", "seconds in [1, 3600]", startupTimeoutS);
        Flags.require(healthSilenceS == null || healthSilenceS >= 1 && healthSilenceS <= 600, "--health-silence",
                "seconds in [1, 600]", healthSilenceS);
        Flags.require(Files.isDirectory(dir), "--data-dir", "an existing directory", dir);

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        List<String> opts = new ArrayList<>();
        for (String opt : javaOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                opts.add(opt);
            }
        }
        // Every plane has a heap limit, and exits when it runs out (the gateway's watchdog then fails its jobs, naming
        // a satellite of it) instead of living on with dead threads.
        if (opts.stream().noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize") || o.startsWith("-XX:MaxRAM"))) {
            opts.add("-Xmx256m");
        }
        if (!opts.contains("-XX:-ExitOnOutOfMemoryError")) {
            opts.add("-XX:+ExitOnOutOfMemoryError");
        }
        List<String> head = List.of(command.get(0), "-Djava.awt.headless=true", "-Dspacecomp.home=" + Home.root(),
                "-cp", System.getProperty("java.class.path"), SpaceComp.class.getName(), "plane");
        LocalConstellation.Options options = new LocalConstellation.Options(orbits, portBase, port,
                dir.toAbsolutePath(), resultsDir.toAbsolutePath(), coordinator, routerName, islDelay.equals("physical"),
                traceDir == null ? null : traceDir.toAbsolutePath(), tasks);
        var out = spec.commandLine().getOut();
        List<String> jvm = PlaneJvm.withArchive(opts, head, options, out);
        command.addAll(jvm);
        command.addAll(head.subList(1, head.size()));
        long t0 = System.nanoTime();
        LocalConstellation c;
        try {
            c = LocalConstellation.processes(options, command,
                    GatewayLimits.DEFAULT.withMaxDataBytes(GatewayLimits.dataBytesFor(heapBytes(opts))).withSilence(silence(shell.planes())));
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("invalid value for --port-base: " + portBase + " (allowed: a port base whose "
                    + shell.size() + " satellite ports above it are free; " + e.getMessage() + ")");
        }
        var err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            c.close();
            stopped.countDown();
        }));
        if (live != null) {
            out.printf(Locale.ROOT, "scenario %s: %d x %d at %s deg, %s km; router %s; coordinator (%d,%d), the satellite %s sees "
                            + "highest at t = %.1f s%n", scenario, shell.planes(), shell.satsPerPlane(), shell.inclinationDeg(),
                    shell.altitudeKm(), routerName, coordinator.sat(), coordinator.orb(), live.station(), live.epochS());
        }
        String threads = PlaneJvm.threadWarning(shell.size(), shell.planes());
        if (threads != null) {
            out.println(threads);
        }
        int up = c.upSatellites().size();
        if (orbits instanceof Orbits.Tle t) {
            List<SatId> holes = t.shell().holes();
            out.printf(Locale.ROOT, "%s; SGP4 positions at wall-clock time since its epoch %s%s%n", t.shell(),
                    java.time.Instant.ofEpochMilli(orbits.epochMs()),
                    holes.isEmpty() ? "" : "; empty slots (satellites that are down, never started): "
                            + holes.subList(0, Math.min(12, holes.size())) + (holes.size() > 12 ? " ..." : ""));
        }
        out.printf("starting %d planes x %d satellites%s (logs in %s)...%n", shell.planes(), shell.satsPerPlane(),
                up == shell.size() ? "" : ", " + up + " of them up", resultsDir.toAbsolutePath().resolve("logs"));
        if (!tasks.jars().isEmpty()) {
            out.printf("task jars: %s%n", tasks.paths());
        }
        out.flush();
        try {
            c.awaitHealthy(Duration.ofSeconds(startupTimeoutS), line -> {
                out.println(line);
                out.flush();
            });
        } catch (IOException e) {
            err.println("emulate: " + e.getMessage());
            err.flush();
            c.close();
            return 1;
        }
        out.printf(Locale.ROOT, "all %d satellites answer after %.1f s; gateway: %s (Ctrl-C stops everything)%n", up,
                (System.nanoTime() - t0) / 1e9, c.gatewayUri());
        out.printf("inject faults: ./spacecomp fault --url %s --key-file %s satellite 3,3 down --for 10s%n",
                c.gatewayUri(), c.keyFile().toAbsolutePath());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The heap a plane's JVM options give it ({@code -Xmx}, the last one wins), in bytes; 256 MiB when they give none. */
    /** {@code --health-silence}, or the default for this many plane processes on this machine's cores. */
    private java.time.Duration silence(int planes) {
        return healthSilenceS != null ? java.time.Duration.ofMillis(Math.round(healthSilenceS * 1000))
                : GatewayLimits.silenceFor(planes, Runtime.getRuntime().availableProcessors());
    }

    static long heapBytes(List<String> opts) {
        long heap = 256L << 20;
        for (String o : opts) {
            String v = o.startsWith("-Xmx") ? o.substring(4) : o.startsWith("-XX:MaxHeapSize=") ? o.substring(16) : null;
            if (v == null || v.isEmpty()) {
                continue;
            }
            char unit = Character.toLowerCase(v.charAt(v.length() - 1));
            int shift = "kmgt".indexOf(unit) < 0 ? 0 : 10 * ("kmgt".indexOf(unit) + 1);
            try {
                if (shift == 0 && !Character.isDigit(unit)) {
                    throw new NumberFormatException(v);
                }
                heap = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1)) << shift;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid value for --java-opts: " + o + " (allowed: -Xmx<size>[k|m|g|t])");
            }
        }
        return heap;
    }
}
