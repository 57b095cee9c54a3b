package io.spacecomp.emulator;

import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.sim.TestData;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A live constellation on loopback for one test class: every plane in this JVM, real HTTP between satellites. */
final class Testbed implements AutoCloseable {

    final LocalConstellation constellation;
    final GatewayClient client;
    final WalkerShell shell;

    private Testbed(LocalConstellation c, WalkerShell shell) {
        this.constellation = c;
        this.client = new GatewayClient(c.gatewayUri());
        this.shell = shell;
    }

    static Testbed start(int planes, int sats, Path results) throws IOException, InterruptedException {
        return start(planes, sats, results, TestData.dataDir());
    }

    /** Starts on a free block of ports (satellites take portBase + node); tries another block when one is taken. */
    static Testbed start(int planes, int sats, Path results, Path dataDir) throws IOException, InterruptedException {
        WalkerShell shell = WalkerShell.paperDefault(planes, sats);
        IOException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
            try {
                LocalConstellation c = LocalConstellation.inProcess(new LocalConstellation.Options(shell, base, 0, dataDir,
                        results, new SatId(1, 1), "distance-aware", false, null));
                c.awaitHealthy(Duration.ofSeconds(30));
                return new Testbed(c, shell);
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
