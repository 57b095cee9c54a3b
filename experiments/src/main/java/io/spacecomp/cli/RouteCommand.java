package io.spacecomp.cli;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.routing.Hop;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.routing.UnroutableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routes one pair of satellites and prints the path. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Path between two satellites with one of the routers (SPEC §4).")
final class RouteCommand implements Runnable {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    RouteOptionsMixin routeOptions;

    @Mixin
    TleOptions tleOptions;

    @Option(names = "--from", required = true, paramLabel = "SAT,ORB", description = "Source satellite, e.g. 3,7.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SAT,ORB", description = "Destination satellite, e.g. 60,40.")
    String to;

    @Option(names = "--router", defaultValue = "distance-aware", paramLabel = "NAME",
            description = "One of: manhattan, distance-aware, optimal, shortest (default: ${DEFAULT-VALUE}).")
    String router;

    @Option(names = "--time", defaultValue = "0", paramLabel = "S",
            description = "Departure time, seconds since the shell's epoch, finite (default: ${DEFAULT-VALUE}).")
    double timeS;

    @Option(names = "--json", description = "Print one JSON object: {hops, distance_km, path, ...}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        ConstellationGeometry geometry = tleOptions.present() ? tleOptions.load(spec) : new CircularOrbitGeometry(shellOptions.toShell());
        Torus torus = geometry.torus();
        SatId a = Flags.satellite("--from", from, torus);
        SatId b = Flags.satellite("--to", to, torus);
        Flags.require(geometry.isUp(a), "--from", "a satellite that is up (slot " + a + " of the --tle shell is empty)", from);
        Flags.require(geometry.isUp(b), "--to", "a satellite that is up (slot " + b + " of the --tle shell is empty)", to);
        Flags.oneOf("--router", router, Routers.NAMES);
        Flags.require(Double.isFinite(timeS), "--time", "finite seconds", timeS);
        Router r = Routers.byName(router, geometry, routeOptions.toOptions());
        PrintWriter w = spec.commandLine().getOut();
        Path p;
        try {
            p = r.route(a, b, timeS);
        } catch (UnroutableException e) {
            // minimal-hop routers go round an empty slot of a --tle shell when another minimal path does
            String msg = e.getMessage() + (geometry.allUp() ? "" : "; --router shortest goes round the holes of a --tle shell");
            spec.commandLine().getErr().println("unroutable: " + msg);
            throw new CommandLine.ExecutionException(spec.commandLine(), msg, e);
        }
        if (json) {
            List<int[]> path = new ArrayList<>();
            for (SatId s : p.satellites()) {
                path.add(new int[] {s.sat(), s.orb()});
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("router", r.name());
            out.put("from", new int[] {a.sat(), a.orb()});
            out.put("to", new int[] {b.sat(), b.orb()});
            out.put("hops", p.hopCount());
            out.put("cross_plane_hops", p.crossPlaneHops());
            out.put("distance_km", p.distanceKm());
            out.put("departure_s", p.departureS());
            out.put("arrival_s", p.arrivalS());
            out.put("path", path);
            w.println(Json.write(out));
        } else {
            w.printf("%s route %s -> %s at t = %.3f s: %d hops (%d cross-plane), %.3f km, arrives t = %.6f s%n",
                    r.name(), a, b, p.departureS(), p.hopCount(), p.crossPlaneHops(), p.distanceKm(), p.arrivalS());
            for (Hop h : p.hops()) {
                w.printf("  %-9s -> %-9s %-6s %10.3f km  t = %.6f s%n", h.from(), h.to(), h.direction(), h.lengthKm(), h.departureS());
            }
        }
        w.flush();
    }
}
