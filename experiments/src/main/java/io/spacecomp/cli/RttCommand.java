package io.spacecomp.cli;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.geometry.GeoPoint;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.orekit.TleConstellation;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.GroundPath;
import io.spacecomp.routing.GroundRouting;
import io.spacecomp.routing.RouteOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Ground-to-ground round-trip time over the shortest path (uplink + ISLs + downlink at the speed of
 * light), per time step, through any satellite each station sees above its minimum elevation.
 */
@Command(name = "rtt", mixinStandardHelpOptions = true,
        description = "Ground-to-ground round-trip time over the shortest path, per time step, over a TLE or Walker shell.")
final class RttCommand implements Runnable {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    RouteOptionsMixin routeOptions;

    @Option(names = "--tle", paramLabel = "FILE",
            description = "TLE file listed plane by plane (--planes x --sats satellites); without it the Walker shell is used.")
    Path tle;

    @Option(names = "--from", required = true, paramLabel = "LAT,LON", description = "Source station, degrees.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "LAT,LON", description = "Destination station, degrees.")
    String to;

    @Option(names = "--min-elevation", defaultValue = "25", paramLabel = "DEG",
            description = "Minimum elevation of both stations, degrees in [0, 90] (default: ${DEFAULT-VALUE}).")
    double minElevationDeg;

    @Option(names = "--duration", defaultValue = "600", paramLabel = "S",
            description = "Seconds to cover, >= 0 (default: ${DEFAULT-VALUE}).")
    double durationS;

    @Option(names = "--step", defaultValue = "60", paramLabel = "S", description = "Seconds between samples, > 0 (default: ${DEFAULT-VALUE}).")
    double stepS;

    @Option(names = "--csv", description = "Write CSV (t_s,rtt_ms,...) instead of a table.")
    boolean csv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        WalkerShell shell = shellOptions.toShell();
        RouteOptions options = routeOptions.toOptions();
        GroundStation a = station("--from", from);
        GroundStation b = station("--to", to);
        Flags.require(durationS >= 0 && durationS <= 30 * 86400.0, "--duration", "seconds in [0, 2592000]", durationS);
        Flags.require(stepS > 0 && Double.isFinite(stepS), "--step", "seconds > 0", stepS);
        Flags.require(durationS / stepS <= 100_000, "--step", "at most 100000 samples over --duration", stepS);
        ConstellationGeometry geometry;
        if (tle != null) {
            Flags.require(Files.isRegularFile(tle), "--tle", "a readable TLE file", tle);
            geometry = TleConstellation.asGrid(tle, shell.planes(), shell.satsPerPlane());
        } else {
            geometry = new CircularOrbitGeometry(shell);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(csv ? "t_s,rtt_ms,distance_km,uplink_sat,uplink_orb,downlink_sat,downlink_orb,isl_hops"
                : String.format("%10s  %10s  %12s  %-10s %-10s %5s", "t (s)", "RTT (ms)", "one way km", "uplink", "downlink", "hops"));
        for (long k = 0; k * stepS <= durationS + 1e-9; k++) {
            double t = k * stepS;
            Optional<GroundPath> there = GroundRouting.shortest(geometry, options, a, b, t);
            Optional<GroundPath> back = there.isEmpty() ? Optional.empty()
                    : GroundRouting.shortest(geometry, options, b, a, t + there.get().oneWayDelayS());
            if (there.isEmpty() || back.isEmpty()) {
                w.println(csv ? fmt(t) + ",unreachable,,,,,," : String.format(Locale.ROOT, "%10.1f  %10s", t, "unreachable"));
                continue;
            }
            GroundPath p = there.get();
            double rttMs = 1000.0 * (p.oneWayDelayS() + back.get().oneWayDelayS());
            if (csv) {
                w.printf(Locale.ROOT, "%s,%.4f,%.3f,%d,%d,%d,%d,%d%n", fmt(t), rttMs, p.distanceKm(), p.uplink().sat().sat(),
                        p.uplink().sat().orb(), p.downlink().sat().sat(), p.downlink().sat().orb(), p.isl().hopCount());
            } else {
                w.printf(Locale.ROOT, "%10.1f  %10.3f  %12.1f  %-10s %-10s %5d%n", t, rttMs, p.distanceKm(), p.uplink().sat(),
                        p.downlink().sat(), p.isl().hopCount());
            }
        }
        w.flush();
    }

    private GroundStation station(String flag, String text) {
        Flags.require(minElevationDeg >= 0 && minElevationDeg <= 90, "--min-elevation", "degrees in [0, 90]", minElevationDeg);
        try {
            return GroundStation.at(flag.substring(2), GeoPoint.parse(text), minElevationDeg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for " + flag + ": " + e.getMessage());
        }
    }

    private static String fmt(double t) {
        return String.format(Locale.ROOT, "%.3f", t);
    }
}
