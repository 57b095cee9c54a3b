package io.spacecomp.cli;

import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import picocli.CommandLine.Option;

/** The flags that shape routing: polar protection and per-hop overhead. */
public final class RouteOptionsMixin {

    @Option(names = "--protect", description = "Polar protection: no cross-plane hop above --polar-limit.")
    boolean protect;

    @Option(names = "--polar-limit", paramLabel = "DEG", defaultValue = "75",
            description = "Polar cap edge for --protect, degrees of latitude in [0, 90] (default: ${DEFAULT-VALUE}).")
    double polarLimitDeg;

    @Option(names = "--hop-overhead", paramLabel = "S", defaultValue = "0",
            description = "Time added per hop on top of propagation, seconds >= 0 (default: ${DEFAULT-VALUE}).")
    double hopOverheadS;

    public RouteOptions toOptions() {
        Flags.require(polarLimitDeg >= 0 && polarLimitDeg <= 90, "--polar-limit", "degrees in [0, 90]", polarLimitDeg);
        Flags.require(hopOverheadS >= 0 && Double.isFinite(hopOverheadS), "--hop-overhead", "seconds >= 0", hopOverheadS);
        return new RouteOptions(hopOverheadS, new PolarProtection(protect, polarLimitDeg));
    }
}
