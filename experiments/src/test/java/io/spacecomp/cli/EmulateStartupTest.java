package io.spacecomp.cli;

import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@code emulate} starts: physical ISL delay by default, "k/N planes answer" while planes start, port conflicts named. */
class EmulateStartupTest {

    @TempDir
    Path tmp;

    private LocalConstellation.Options options(int portBase) {
        return new LocalConstellation.Options(WalkerShell.paperDefault(3, 3), portBase, 0,
                io.spacecomp.sim.TestData.projectRoot().resolve("data"), tmp.resolve("results"), new SatId(1, 1), "distance-aware", false, null);
    }

    /** A port base whose 9 satellite ports are free now. */
    private static int freeBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 21_000 + ThreadLocalRandom.current().nextInt(100) * 100;
            boolean free = true;
            for (int p = base + 1; p <= base + 9 && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    s.getLocalPort();
                } catch (BindException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free block of ports");
    }

    @Test
    void islDelayIsPhysicalByDefault() {
        var cl = SpaceComp.newCommandLine();
        for (String command : List.of("emulate", "plane")) {
            assertEquals("physical", cl.getSubcommands().get(command).getCommandSpec().findOption("--isl-delay").defaultValue(), command);
        }
        var create = cl.getSubcommands().get("constellation").getSubcommands().get("create").getCommandSpec();
        assertEquals("physical", create.findOption("--isl-delay").defaultValue());
    }

    @Test
    void progressWhilePlanesStartAndAPlaneThatCannotBindIsNamedWithItsPortAndLog() throws Exception {
        int base = freeBase();
        try (LocalConstellation c = LocalConstellation.processes(options(base), EmulateProcessesTest.planeCommand())) {
            List<String> lines = new ArrayList<>();
            c.awaitHealthy(Duration.ofSeconds(120), lines::add);
            assertTrue(lines.size() >= 1, lines.toString());
            assertTrue(lines.get(lines.size() - 1).matches("3/3 planes answer \\(\\d+\\.\\d s\\)"), lines.toString());
            int previous = -1;
            for (String l : lines) {
                int k = Integer.parseInt(l.substring(0, l.indexOf('/')));
                assertTrue(k > previous, "one line per change, counting up: " + lines);
                previous = k;
            }
            // Without physical delay the launcher says so: the plane's own default is physical.
            for (long pid : c.pids()) {
                List<String> args = Arrays.asList(ProcessHandle.of(pid).orElseThrow().info().arguments().orElse(new String[0]));
                if (!args.isEmpty()) {
                    assertEquals("none", args.get(args.indexOf("--isl-delay") + 1), args.toString());
                }
            }

            // Plane 2 restarts while another program holds its second satellite's port.
            c.stopPlane(2);
            int port = base + 5; // node (2-1)*3 + 2
            try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                c.startPlane(2);
                IOException e = assertThrows(IOException.class, () -> c.awaitHealthy(Duration.ofSeconds(120)));
                assertTrue(e.getMessage().startsWith("plane 2 exited with status "), e.getMessage());
                assertTrue(e.getMessage().contains("its satellite port " + port + " is in use by another program"), e.getMessage());
                assertTrue(e.getMessage().endsWith("; its log: " + tmp.resolve("results/logs/orb2.log")), e.getMessage());
                squatter.getLocalPort();
            }
        }
    }

    @Test
    void aTakenPortIsNamedWithItsPlaneAndLogBeforeAnythingStarts() throws Exception {
        int base = freeBase();
        int port = base + 8; // node 8: plane 3, satellite 2
        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            BindException e = assertThrows(BindException.class, () -> LocalConstellation.processes(options(base), EmulateProcessesTest.planeCommand()));
            assertEquals("satellite port " + port + " (of " + (base + 1) + ".." + (base + 9) + ") is in use: plane 3 (ports " + (base + 7)
                    + ".." + (base + 9) + ") could not start; its log would be " + tmp.resolve("results/logs/orb3.log"), e.getMessage());

            CliRun run = CliRun.of("emulate", "--planes", "3", "--sats", "3", "--port", "0", "--port-base", Integer.toString(base),
                    "--results-dir", tmp.resolve("live").toString());
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("invalid value for --port-base: " + base), run.err());
            assertTrue(run.err().contains("satellite port " + port + " ") && run.err().contains("plane 3 (ports")
                    && run.err().contains(tmp.resolve("live/logs/orb3.log").toString()), run.err());
            squatter.getLocalPort();
        }
    }
}
