package io.spacecomp.emulator;

import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.emulator.gateway.GatewayLimits;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A live constellation on loopback for tests: every plane in this JVM, real HTTP between satellites, on a free block
 * of ports. {@link #inProcess} is the one way tests (here and in experiments) start one; {@link SharedTestbed} keeps
 * one for every test of a class.
 */
public final class Testbed implements AutoCloseable {

    /** Port blocks tried before giving up (another test run may hold one). */
    private static final int ATTEMPTS = 8;

    public final LocalConstellation constellation;
    public final GatewayClient client;
    public final WalkerShell shell;

    private Testbed(LocalConstellation c, WalkerShell shell) {
        this.constellation = c;
        this.client = new GatewayClient(c.gatewayUri());
        this.shell = shell;
    }

    public static Testbed start(int planes, int sats, Path results) throws IOException, InterruptedException {
        return start(planes, sats, results, TestData.dataDir());
    }

    /** A paper-default shell, line of sight (1,1), distance-aware routing, no trace. */
    public static Testbed start(int planes, int sats, Path results, Path dataDir) throws IOException, InterruptedException {
        WalkerShell shell = WalkerShell.paperDefault(planes, sats);
        return new Testbed(inProcess(new LocalConstellation.Options(shell, 0, 0, dataDir, results, new SatId(1, 1), "distance-aware",
                false, null), Duration.ofSeconds(30)), shell);
    }

    /**
     * Starts {@code options} in this JVM on a free block of ports below the ephemeral range (satellites take port
     * base + node; the options' own port base is replaced), another block when one is taken, and waits until every
     * satellite is healthy; closes what it started when that fails.
     */
    public static LocalConstellation inProcess(LocalConstellation.Options options, Duration healthy) throws IOException, InterruptedException {
        LocalConstellation c = onFreePorts(options, LocalConstellation::inProcess);
        try {
            c.awaitHealthy(healthy);
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Starts every plane of {@code options} as a child process ({@code planeCommand} plus the plane's flags) on a free
     * block of ports, as {@link #inProcess}; the caller waits for health (child JVMs take their own time).
     */
    public static LocalConstellation processes(LocalConstellation.Options options, List<String> planeCommand) throws IOException {
        return processes(options, planeCommand, GatewayLimits.DEFAULT);
    }

    /** As {@link #processes(LocalConstellation.Options, List)}, the gateway with {@code limits}. */
    public static LocalConstellation processes(LocalConstellation.Options options, List<String> planeCommand, GatewayLimits limits)
            throws IOException {
        return onFreePorts(options, o -> LocalConstellation.processes(o, planeCommand, limits));
    }

    private interface Starter {
        LocalConstellation start(LocalConstellation.Options options) throws IOException;
    }

    private static LocalConstellation onFreePorts(LocalConstellation.Options options, Starter starter) throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return starter.start(options.withPortBase(20_000 + ThreadLocalRandom.current().nextInt(120) * 100));
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public void close() {
        constellation.close();
    }
}
