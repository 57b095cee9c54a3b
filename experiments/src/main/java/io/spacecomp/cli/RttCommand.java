package io.spacecomp.cli;

import io.spacecomp.experiments.RttPlot;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.geometry.GeoPoint;
import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.orekit.TleShell;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.GroundPath;
import io.spacecomp.routing.GroundRtt;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.RttTiming;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ground-to-ground round-trip time over the shortest path (uplink + ISLs + downlink at the speed of
 * light), per time step, through any satellite each station can use: above its minimum elevation, or
 * within {@code --max-gsl-km}. Over a Walker shell stations stand on the analytic sphere; over a TLE shell
 * on WGS84 (geodetic latitude, elevation above the ellipsoid horizon).
 */
@Command(name = "rtt", mixinStandardHelpOptions = true,
        description = "Ground-to-ground round-trip time over the shortest path, per time step, over a TLE or Walker shell.")
final class RttCommand implements Runnable {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    RouteOptionsMixin routeOptions;

    @Mixin
    TleOptions tleOptions;

    @Option(names = "--from", required = true, paramLabel = "LAT,LON",
            description = "Source station, degrees (geodetic with --tle, geocentric on the Walker sphere).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "LAT,LON", description = "Destination station, degrees.")
    String to;

    @Option(names = "--min-elevation", defaultValue = "25", paramLabel = "DEG",
            description = "Elevation mask of both stations, degrees in [0, 90] (default: ${DEFAULT-VALUE}).")
    double minElevationDeg;

    @Option(names = "--max-gsl-km", paramLabel = "KM",
            description = "Range-cone ground links instead of the elevation mask: a satellite is usable within KM of slant "
                    + "range, as in ns-3 based simulators (Hypatia: 1089.7 km is 25 deg at 550 km); KM in (0, 20000].")
    Double maxGslKm;

    @Option(names = "--snapshot",
            description = "Both legs over the constellation frozen at each instant (snapshot simulators); "
                    + "default: the reply leaves when the request arrives, every link taken when crossed.")
    boolean snapshot;

    @Option(names = "--duration", defaultValue = "600", paramLabel = "S",
            description = "Seconds to cover, >= 0 (default: ${DEFAULT-VALUE}).")
    double durationS;

    @Option(names = "--step", defaultValue = "60", paramLabel = "S", description = "Seconds between samples, > 0 (default: ${DEFAULT-VALUE}).")
    double stepS;

    @Option(names = "--csv", description = "Write CSV (t_s,rtt_ms,...) instead of a table.")
    boolean csv;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the RTT over time as a PNG (JFreeChart).")
    Path plot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        RouteOptions options = routeOptions.toOptions();
        GroundLinkModel link = linkModel();
        GroundStation a = station("--from", from);
        GroundStation b = station("--to", to);
        Flags.require(durationS >= 0 && durationS <= 30 * 86400.0, "--duration", "seconds in [0, 2592000]", durationS);
        Flags.require(stepS > 0 && Double.isFinite(stepS), "--step", "seconds > 0", stepS);
        Flags.require(durationS / stepS <= 100_000, "--step", "at most 100000 samples over --duration", stepS);
        Flags.require(plot == null || plot.toString().endsWith(".png"), "--plot", "a file name ending in .png", plot);
        ConstellationGeometry geometry;
        String title;
        if (tleOptions.present()) {
            TleShell shell = tleOptions.load(spec);
            geometry = shell;
            title = shell.toString();
        } else {
            WalkerShell walker = shellOptions.toShell();
            geometry = new CircularOrbitGeometry(walker);
            title = String.format(Locale.ROOT, "Walker %d x %d (F = %d), i = %.1f deg, h = %.1f km, sphere %.0f km",
                    walker.planes(), walker.satsPerPlane(), walker.phasing(), walker.inclinationDeg(), walker.altitudeKm(),
                    walker.earthRadiusKm());
        }
        RttTiming timing = snapshot ? RttTiming.SNAPSHOT : RttTiming.TIME_DEPENDENT;
        PrintWriter w = spec.commandLine().getOut();
        w.println(csv ? "t_s,rtt_ms,distance_km,uplink_sat,uplink_orb,downlink_sat,downlink_orb,isl_hops"
                : String.format("%10s  %10s  %12s  %-10s %-10s %5s", "t (s)", "RTT (ms)", "one way km", "uplink", "downlink", "hops"));
        List<double[]> points = new ArrayList<>();
        for (long k = 0; k * stepS <= durationS + 1e-9; k++) {
            double t = k * stepS;
            Optional<GroundRtt.RoundTrip> trip = GroundRtt.measure(geometry, options, link, a, b, t, timing);
            if (trip.isEmpty()) {
                w.println(csv ? fmt(t) + ",unreachable,,,,,," : String.format(Locale.ROOT, "%10.1f  %10s", t, "unreachable"));
                points.add(new double[] {t, Double.NaN});
                continue;
            }
            GroundPath p = trip.get().there();
            double rttMs = 1000.0 * trip.get().rttS();
            points.add(new double[] {t, rttMs});
            if (csv) {
                w.printf(Locale.ROOT, "%s,%.4f,%.3f,%d,%d,%d,%d,%d%n", fmt(t), rttMs, p.distanceKm(), p.uplink().sat().sat(),
                        p.uplink().sat().orb(), p.downlink().sat().sat(), p.downlink().sat().orb(), p.isl().hopCount());
            } else {
                w.printf(Locale.ROOT, "%10.1f  %10.3f  %12.1f  %-10s %-10s %5d%n", t, rttMs, p.distanceKm(), p.uplink().sat(),
                        p.downlink().sat(), p.isl().hopCount());
            }
        }
        w.flush();
        if (plot != null) {
            String linkText = link instanceof GroundLinkModel.RangeCone c
                    ? String.format(Locale.ROOT, "range cone %.1f km", c.maxRangeKm())
                    : String.format(Locale.ROOT, "elevation >= %.0f deg", minElevationDeg);
            RttPlot.write(plot, title, from + " -> " + to + ", " + linkText + (snapshot ? ", snapshot" : ""), points);
        }
    }

    private GroundLinkModel linkModel() {
        if (maxGslKm == null) {
            Flags.require(minElevationDeg >= 0 && minElevationDeg <= 90, "--min-elevation", "degrees in [0, 90]", minElevationDeg);
            return new GroundLinkModel.ElevationMask(minElevationDeg);
        }
        Flags.require(maxGslKm > 0 && maxGslKm <= 20_000, "--max-gsl-km", "km in (0, 20000]", maxGslKm);
        if (spec.commandLine().getParseResult().hasMatchedOption("--min-elevation")) {
            throw new IllegalArgumentException("invalid value for --min-elevation: not with --max-gsl-km "
                    + "(the range cone replaces the elevation mask)");
        }
        return new GroundLinkModel.RangeCone(maxGslKm);
    }

    private GroundStation station(String flag, String text) {
        try {
            return GroundStation.at(flag.substring(2), GeoPoint.parse(text), maxGslKm == null ? minElevationDeg : 0.0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for " + flag + ": " + e.getMessage());
        }
    }

    private static String fmt(double t) {
        return String.format(Locale.ROOT, "%.3f", t);
    }
}
