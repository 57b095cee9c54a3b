package io.spacecomp.emulator.deploy;

import io.spacecomp.emulator.gateway.Gateway;
import io.spacecomp.emulator.gateway.GatewayConfig;
import io.spacecomp.emulator.gateway.GatewayLimits;
import io.spacecomp.emulator.net.HealthChecks;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.emulator.net.SatelliteAddresses;
import io.spacecomp.emulator.plane.Plane;
import io.spacecomp.emulator.plane.Orbits;
import io.spacecomp.emulator.plane.PlaneConfig;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.orekit.TleShell;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.LinkRate;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.emulator.viewer.TraceTap;
import io.spacecomp.tasks.TaskClasspath;
import io.spacecomp.trace.JsonLinesTrace;
import io.spacecomp.trace.TraceHeader;
import io.spacecomp.trace.TraceSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A whole constellation on this machine: the gateway in this JVM, and every orbital plane either a child
 * process (as {@code spacecomp emulate} runs it: one JVM per plane) or, for tests, a {@link Plane} in this
 * JVM — the same classes either way. Satellites listen on loopback, {@code portBase + node}. Closing stops
 * everything; child processes also stop by themselves when this process dies (they watch its pid).
 */
public final class LocalConstellation implements AutoCloseable {

    /**
     * @param orbits        the constellation: a Walker shell, or a TLE catalogue's shell (planes then read its file)
     * @param portBase      satellites listen on portBase + node (node = (orb-1)·M + sat)
     * @param gatewayPort   the public API (0: any free port)
     * @param dataDir       the collectors' data directory
     * @param resultsDir    the gateway's results directory (child logs go to {@code logs/} beside the results, rotated: {@link RotatingLog})
     * @param los           the coordinator of every job
     * @param router        router name
     * @param physicalDelay hold hops for their physical time
     * @param traceDir      where each plane writes {@code orb<o>.jsonl}, or null for no trace
     * @param tasks         the user's task jars every plane loads (plane processes get them as {@code --tasks})
     */
    public record Options(Orbits orbits, int portBase, int gatewayPort, Path dataDir, Path resultsDir, SatId los,
                          String router, boolean physicalDelay, Path traceDir, TaskClasspath tasks) {

        public Options {
            tasks = tasks == null ? TaskClasspath.builtin() : tasks;
        }

        /** A Walker shell. */
        public Options(WalkerShell shell, int portBase, int gatewayPort, Path dataDir, Path resultsDir, SatId los,
                       String router, boolean physicalDelay, Path traceDir, TaskClasspath tasks) {
            this(new Orbits.Walker(shell), portBase, gatewayPort, dataDir, resultsDir, los, router, physicalDelay, traceDir, tasks);
        }

        /** A Walker shell, with the built-in tasks only. */
        public Options(WalkerShell shell, int portBase, int gatewayPort, Path dataDir, Path resultsDir, SatId los,
                       String router, boolean physicalDelay, Path traceDir) {
            this(shell, portBase, gatewayPort, dataDir, resultsDir, los, router, physicalDelay, traceDir, null);
        }

        /** The grid: sizes and satellite ids. */
        public WalkerShell shell() {
            return orbits.grid();
        }

        public Options withTasks(TaskClasspath t) {
            return new Options(orbits, portBase, gatewayPort, dataDir, resultsDir, los, router, physicalDelay, traceDir, t);
        }

        /** The same constellation on another block of satellite ports. */
        public Options withPortBase(int base) {
            return new Options(orbits, base, gatewayPort, dataDir, resultsDir, los, router, physicalDelay, traceDir, tasks);
        }
    }

    private final Options options;
    /** One geometry for the gateway and every in-process plane (a TLE shell's SGP4 state is computed once). */
    private final ConstellationGeometry geometry;
    private final GatewayLimits limits;
    private final SatelliteAddresses addresses;
    private Gateway gateway;
    private boolean closed;
    private final List<String> planeCommand;
    private final Plane[] inProcess;
    private final Process[] processes;
    private final List<AutoCloseable> traces = new ArrayList<>();
    /**
     * The constellation's secret: {@link IslKey#ENV} when set (so {@code spacecomp fault} in another shell can use the
     * same), else a fresh one, written to {@link #keyFile()} for the tools that inject faults.
     */
    private final IslKey key = chooseKey();

    private static IslKey chooseKey() {
        IslKey given = IslKey.fromEnvironment();
        return given.isOpen() ? IslKey.random() : given;
    }

    /** Where the constellation's secret is written (owner-only): {@code SPACECOMP_ISL_KEY_FILE=...} for {@code spacecomp fault}. */
    public Path keyFile() {
        return options.resultsDir().resolve("isl.key");
    }

    private void writeKeyFile() throws IOException {
        Files.createDirectories(options.resultsDir());
        Path f = keyFile();
        Files.deleteIfExists(f);
        try {
            Files.createFile(f, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(f);
        }
        Files.writeString(f, key.secret() + "\n");
    }

    /** The constellation's secret (tests inject faults with it). */
    public IslKey key() {
        return key;
    }

    private LocalConstellation(Options options, List<String> planeCommand, GatewayLimits limits) throws IOException {
        this.options = options;
        this.geometry = options.orbits().geometry();
        this.limits = limits;
        this.planeCommand = planeCommand;
        this.addresses = SatelliteAddresses.local(options.portBase(), options.shell().satsPerPlane());
        if (addresses.lastPort(options.shell().planes()) > 65_535) {
            throw new IllegalArgumentException("port base " + options.portBase() + " leaves no room for "
                    + options.shell().size() + " satellites below port 65535");
        }
        int[] ephemeral = ephemeralPorts();
        int last = addresses.lastPort(options.shell().planes());
        if (last >= ephemeral[0] && options.portBase() <= ephemeral[1]) {
            throw new IllegalArgumentException("port base " + options.portBase() + ": satellite ports " + (options.portBase() + 1) + ".." + last
                    + " overlap this machine's ephemeral ports " + ephemeral[0] + ".." + ephemeral[1]
                    + " (outgoing connections take those); use a port base of at most " + (ephemeral[0] - 1 - (last - options.portBase())));
        }
        if (planeCommand != null) {
            int port = firstTaken(options.portBase() + 1, last);
            if (port > 0) {
                int orb = planeOfPort(port);
                throw new java.net.BindException("satellite port " + port + " (of " + (options.portBase() + 1) + ".." + last + ") is in use: "
                        + "plane " + orb + " (ports " + firstPort(orb) + ".." + (firstPort(orb) + options.shell().satsPerPlane() - 1)
                        + ") could not start; its log would be " + logFile(orb));
            }
        }
        this.inProcess = new Plane[options.shell().planes()];
        this.processes = new Process[options.shell().planes()];
        writeKeyFile();
        this.gateway = startGateway(options.gatewayPort(), 0);
    }

    /**
     * Child planes bind their ports only after this check; were one taken, another program's satellite could
     * answer our health checks. In-process planes bind at once and fail themselves. Returns the first port in
     * {@code first..last} that is in use, or 0 when all are free.
     */
    private static int firstTaken(int first, int last) {
        for (int port = first; port <= last; port++) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                probe.getLocalPort();
            } catch (java.net.BindException e) {
                return port;
            } catch (IOException e) {
                // not a conflict we can name: the plane reports it itself
            }
        }
        return 0;
    }

    /** The plane whose satellite listens on {@code port} (local layout: port-base + node). */
    private int planeOfPort(int port) {
        return (port - options.portBase() - 1) / options.shell().satsPerPlane() + 1;
    }

    /** The port of plane {@code orb}'s first satellite. */
    private int firstPort(int orb) {
        return addresses.port(options.shell().sat(1, orb));
    }

    /** Where plane {@code orb}'s process writes its output. */
    public Path logFile(int orb) {
        return options.resultsDir().resolve("logs").resolve("orb" + orb + ".log");
    }

    private Gateway startGateway(int port, int downlinkPort) throws IOException {
        return Gateway.start(new GatewayConfig(options.shell(), addresses, options.los(), "127.0.0.1", port, "127.0.0.1",
                downlinkPort, options.resultsDir(), new DataFiles(options.dataDir()), key, options.orbits().epochMs(), geometry), limits);
    }

    /** Stops the gateway and starts a new one on the same ports and results directory (a fault for tests). */
    public synchronized void restartGateway() throws IOException {
        int port = gateway.address().getPort();
        int downlinkPort = gateway.downlinkAddress().getPort();
        gateway.close();
        gateway = startGateway(port, downlinkPort);
    }

    /** The kernel's range of ports for outgoing connections (Linux; the usual default elsewhere). */
    static int[] ephemeralPorts() {
        try {
            // not Files.readString: on JDK 17 it reads one byte of a /proc/sys file (whose size says 0), and this fell back
            String[] r = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
            return new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }

    /** Every plane a {@link Plane} in this JVM (tests). */
    public static LocalConstellation inProcess(Options options) throws IOException {
        // the planes live in this JVM: the data in progress is sized from its heap
        return start(options, null, GatewayLimits.DEFAULT.withMaxDataBytes(GatewayLimits.dataBytesFor(Runtime.getRuntime().maxMemory())));
    }

    /**
     * Every plane a child process: {@code planeCommand} starts the {@code plane} subcommand (e.g.
     * {@code java -cp ... io.spacecomp.cli.SpaceComp plane}); the plane's flags are appended.
     */
    public static LocalConstellation processes(Options options, List<String> planeCommand) throws IOException {
        return processes(options, planeCommand, GatewayLimits.DEFAULT);
    }

    /** Plane processes as {@link #processes(Options, List)}, the gateway admitting jobs within {@code limits}. */
    public static LocalConstellation processes(Options options, List<String> planeCommand, GatewayLimits limits) throws IOException {
        return start(options, List.copyOf(planeCommand), limits);
    }

    private static LocalConstellation start(Options options, List<String> planeCommand, GatewayLimits limits) throws IOException {
        LocalConstellation c = new LocalConstellation(options, planeCommand, limits);
        try {
            for (int o = 1; o <= options.shell().planes(); o++) {
                c.startPlane(o);
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public URI gatewayUri() {
        return URI.create("http://127.0.0.1:" + gateway.address().getPort());
    }

    public URI downlinkUri() {
        return URI.create("http://127.0.0.1:" + gateway.downlinkAddress().getPort() + "/downlink");
    }

    public SatelliteAddresses addresses() {
        return addresses;
    }

    /** Starts plane {@code orb} (again, after {@link #stopPlane}). */
    public synchronized void startPlane(int orb) throws IOException {
        if (planeCommand == null) {
            TraceSink trace = TraceSink.NONE;
            if (options.traceDir() != null) {
                Files.createDirectories(options.traceDir());
                JsonLinesTrace t = new JsonLinesTrace(new BufferedOutputStream(Files.newOutputStream(options.traceDir().resolve("orb" + orb + ".jsonl"))));
                traces.add(t);
                t.emit(TraceHeader.of(options.shell(), "emulation", java.time.Instant.ofEpochMilli(options.orbits().epochMs()).toString()));
                trace = t;
            }
            TraceTap tap = TraceTap.toGateway(downlinkUri(), key); // the viewer's live feed
            traces.add(tap);
            trace = TraceTap.tee(trace, tap);
            inProcess[orb - 1] = Plane.start(new PlaneConfig(options.shell(), orb, addresses, options.orbits().epochMs(),
                    options.router(), options.physicalDelay(), LinkRate.PAPER_BUDGET, new DataFiles(options.dataDir()),
                    options.tasks().registry(), downlinkUri(), trace, 3, Duration.ofSeconds(5), key, geometry));
            return;
        }
        List<String> cmd = planeCommand(options, planeCommand, orb, downlinkUri());
        if (options.traceDir() != null) {
            Files.createDirectories(options.traceDir());
            cmd.addAll(List.of("--trace", options.traceDir().resolve("orb" + orb + ".jsonl").toString()));
        }
        Path logs = Files.createDirectories(logFile(orb).getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put(IslKey.ENV, key.secret());
        pb.environment().remove(TaskClasspath.ENV); // the jars go on the command line, checked once already
        // The output goes through this process into a log of bounded size (RotatingLog: 4 files of 10 MiB a plane).
        processes[orb - 1] = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        RotatingLog.follow(processes[orb - 1], logs.resolve("orb" + orb + ".log"));
    }

    /** {@code planeCommand} with the flags of plane {@code orb} of {@code options}' constellation (no trace file). */
    private static List<String> planeCommand(Options options, List<String> planeCommand, int orb, URI downlink) {
        List<String> cmd = new ArrayList<>(planeCommand);
        cmd.addAll(List.of("--orb", Integer.toString(orb)));
        cmd.addAll(planeFlags(options.orbits()));
        cmd.addAll(List.of("--network", "local", "--port-base", Integer.toString(options.portBase()),
                "--gateway", downlink.toString(), "--data-dir", options.dataDir().toString(), "--router", options.router(),
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));
        cmd.addAll(List.of("--isl-delay", options.physicalDelay() ? "physical" : "none")); // explicit: the plane's default is physical
        for (Path jar : options.tasks().paths()) {
            cmd.addAll(List.of("--tasks", jar.toString()));
        }
        return cmd;
    }

    /**
     * Runs plane 1 of {@code options}' constellation once, alone, as a process of {@code planeCommand} (whose JVM
     * options should write a class-data archive when it exits, e.g. {@code -XX:ArchiveClassesAtExit=FILE}): until
     * its first satellite answers {@code /health}, then it is asked to
     * stop (SIGTERM) and waited for, so the JVM writes what it loaded. Returns whether the plane answered and exited
     * by itself within {@code timeout}; the caller then finds the archive, or starts without one.
     */
    public static boolean trainPlane(Options options, List<String> planeCommand, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> cmd = planeCommand(options, planeCommand, 1, URI.create("http://127.0.0.1:9/downlink"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put(IslKey.ENV, IslKey.random().secret());
        pb.environment().remove(TaskClasspath.ENV);
        Files.createDirectories(log.getParent());
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        long end = System.nanoTime() + timeout.toNanos();
        SatelliteAddresses addresses = SatelliteAddresses.local(options.portBase(), options.shell().satsPerPlane());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        boolean answered = false;
        try {
            while (!answered && p.isAlive() && System.nanoTime() < end) {
                try {
                    answered = http.send(HttpRequest.newBuilder(addresses.uri(options.shell().sat(1, 1), "/health"))
                            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
        } finally {
            p.destroy();
            if (!p.waitFor(Math.max(1, (end - System.nanoTime()) / 1_000_000_000L), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                answered = false;
            }
        }
        return answered;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /** The {@code plane} flags that rebuild {@code orbits} in a plane process. */
    static List<String> planeFlags(Orbits orbits) {
        WalkerShell s = orbits.grid();
        List<String> flags = new ArrayList<>(List.of("--planes", Integer.toString(s.planes()), "--sats", Integer.toString(s.satsPerPlane())));
        if (orbits instanceof Orbits.Tle t) {
            // the plane reads the catalogue itself and checks that it infers the same grid (--planes, --sats); time 0 is its epoch
            flags.addAll(List.of("--tle", catalogueFile(t.shell()).toString(), "--shell", Integer.toString(t.shell().number())));
        } else {
            flags.addAll(List.of("--phasing", Integer.toString(s.phasing()), "--inclination", num(s.inclinationDeg()),
                    "--altitude", num(s.altitudeKm()), "--earth-radius", num(s.earthRadiusKm())));
        }
        return flags;
    }

    /** The file a TLE shell was read from, absolute: plane processes read it again. */
    private static Path catalogueFile(TleShell shell) {
        Path file = Path.of(shell.source()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("plane processes read the TLE catalogue from its file, but " + shell.source()
                    + " is not a file");
        }
        return file;
    }

    /** Stops plane {@code orb} abruptly (a child process is killed): a fault for tests. */
    public synchronized void stopPlane(int orb) {
        if (inProcess[orb - 1] != null) {
            inProcess[orb - 1].close();
            inProcess[orb - 1] = null;
        }
        Process p = processes[orb - 1];
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processes[orb - 1] = null;
        }
    }

    /**
     * Waits until every satellite answers {@code /health}; returns how long that took.
     *
     * @throws IOException naming the satellites still silent when {@code timeout} passes
     */
    public Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        return awaitHealthy(timeout, line -> { });
    }

    /**
     * Waits until every satellite answers {@code /health}, telling {@code progress} "k/N planes answer" whenever
     * another plane has all its satellites answering; returns how long that took.
     *
     * @throws IOException naming the satellites still silent when {@code timeout} passes, or the plane whose process
     *                     exited first, its log file, and the port in its range another program holds, if any
     */
    public Duration awaitHealthy(Duration timeout, java.util.function.Consumer<String> progress) throws IOException, InterruptedException {
        return awaitHealthy(options.shell(), upSatellites(), addresses, timeout, progress, orb -> {
            Process p = processes[orb - 1];
            if (p == null || p.isAlive()) {
                return null;
            }
            int first = firstPort(orb);
            int taken = firstTaken(first, first + options.shell().satsPerPlane() - 1);
            return "plane " + orb + " exited with status " + p.exitValue() + " before its satellites answered"
                    + (taken > 0 ? ": its satellite port " + taken + " is in use by another program" : "")
                    + "; its log: " + logFile(orb);
        });
    }

    /** Polls every satellite's {@code /health} until all answer or {@code timeout} passes. */
    public static Duration awaitHealthy(WalkerShell shell, SatelliteAddresses addresses, Duration timeout, Process... watch)
            throws IOException, InterruptedException {
        return awaitHealthy(shell, shell.satellites(), addresses, timeout, line -> { }, orb -> {
            Process p = orb <= watch.length ? watch[orb - 1] : null;
            return p != null && !p.isAlive() ? "plane " + orb + "'s process exited with status " + p.exitValue()
                    + " before its satellites answered" : null;
        });
    }

    /** The satellites that run: all but the empty slots of a TLE shell. */
    public List<SatId> upSatellites() {
        List<SatId> up = new ArrayList<>();
        for (SatId s : options.shell().satellites()) {
            if (geometry.isUp(s)) {
                up.add(s);
            }
        }
        return up;
    }

    private static Duration awaitHealthy(WalkerShell shell, List<SatId> expected, SatelliteAddresses addresses, Duration timeout,
                                         java.util.function.Consumer<String> progress,
                                         java.util.function.IntFunction<String> died) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long end = start + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<SatId> waiting = new ArrayList<>(expected);
        int answered = -1;
        while (true) {
            java.util.Set<SatId> still = HealthChecks.unanswered(http, addresses, waiting, Duration.ofSeconds(2));
            waiting = waiting.stream().filter(still::contains).toList();
            java.util.Set<Integer> silentPlanes = new java.util.TreeSet<>();
            for (SatId s : waiting) {
                silentPlanes.add(s.orb());
            }
            int planesUp = shell.planes() - silentPlanes.size();
            if (planesUp != answered) {
                answered = planesUp;
                progress.accept(String.format(Locale.ROOT, "%d/%d planes answer (%.1f s)", planesUp, shell.planes(),
                        (System.nanoTime() - start) / 1e9));
            }
            if (waiting.isEmpty()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            for (int orb : silentPlanes) {
                String why = died.apply(orb);
                if (why != null) {
                    throw new IOException(why);
                }
            }
            if (System.nanoTime() > end) {
                throw new IOException(waiting.size() + " satellites did not answer /health within " + timeout.toSeconds()
                        + " s, e.g. " + waiting.subList(0, Math.min(5, waiting.size())) + "; planes still silent: " + silentPlanes);
            }
            Thread.sleep(100);
        }
    }

    /** Process ids of the plane processes (empty in-process). */
    public List<Long> pids() {
        List<Long> out = new ArrayList<>();
        for (Process p : processes) {
            if (p != null) {
                out.add(p.pid());
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // closing twice (emulate after a failed start, then its shutdown hook) does nothing more
        }
        closed = true;
        for (int o = 1; o <= processes.length; o++) {
            if (processes[o - 1] != null) {
                processes[o - 1].destroy(); // SIGTERM first: planes shut down cleanly
            }
        }
        for (int o = 1; o <= processes.length; o++) {
            Process p = processes[o - 1];
            if (p != null) {
                try {
                    if (!p.waitFor(5, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
                processes[o - 1] = null;
            }
            if (inProcess[o - 1] != null) {
                inProcess[o - 1].close();
                inProcess[o - 1] = null;
            }
        }
        if (gateway != null) {
            gateway.close();
        }
        for (AutoCloseable t : traces) {
            try {
                t.close();
            } catch (Exception e) {
                // best effort
            }
        }

    }
}
