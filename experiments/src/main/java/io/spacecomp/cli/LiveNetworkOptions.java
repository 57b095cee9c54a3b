package io.spacecomp.cli;

import io.spacecomp.emulator.net.SatelliteAddresses;
import io.spacecomp.orbit.shell.WalkerShell;
import picocli.CommandLine.Option;

/** Where a live constellation's satellites listen: the flags shared by {@code plane} and {@code gateway}. */
public final class LiveNetworkOptions {

    @Option(names = "--network", paramLabel = "MODE", defaultValue = "docker",
            description = "docker: plane o is host orb<o>, satellite s listens on port-base + s (leopymr's layout); "
                    + "local: every satellite on 127.0.0.1, port-base + node (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--port-base", paramLabel = "PORT", defaultValue = "8080",
            description = "First satellite port, 1..65535 (default: ${DEFAULT-VALUE}).")
    int portBase;

    SatelliteAddresses addresses(WalkerShell shell) {
        Flags.oneOf("--network", network, java.util.List.of("docker", "local"));
        Flags.port("--port-base", portBase, false);
        SatelliteAddresses a = network.equals("local") ? SatelliteAddresses.local(portBase, shell.satsPerPlane())
                : SatelliteAddresses.docker(portBase, shell.satsPerPlane());
        Flags.require(a.lastPort(shell.planes()) <= 65_535, "--port-base",
                "a port base that leaves room for every satellite below 65536 (at most " + (65_535 - (a.lastPort(shell.planes()) - portBase)) + ")",
                portBase);
        return a;
    }
}
