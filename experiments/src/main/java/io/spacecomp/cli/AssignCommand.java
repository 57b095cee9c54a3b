package io.spacecomp.cli;

import io.spacecomp.orbit.aoi.AreaOfInterest;
import io.spacecomp.orbit.aoi.Pass;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.GeoPoint;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.Allocator;
import io.spacecomp.placement.Allocators;
import io.spacecomp.placement.Assignment;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.placement.RouteCosts;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Allocates collectors to mappers on a random area of interest: a latitude/longitude box centred at a
 * seeded random point, at a seeded random instant, grown until it holds 2k satellites of one pass
 * direction; k of them collect, k others are candidate mappers.
 */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = "Collector -> mapper allocation on a seeded random area of interest (SPEC §5).")
final class AssignCommand implements Runnable {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    RouteOptionsMixin routeOptions;

    @Option(names = "--collectors", defaultValue = "200", paramLabel = "K",
            description = "Collectors k (and candidate mappers), >= 1 (default: ${DEFAULT-VALUE}).")
    int collectors;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the area, the instant and the draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--allocator", defaultValue = "lapjv", paramLabel = "NAME",
            description = "One of: random, eager, hungarian (bipartite), lapjv (default: ${DEFAULT-VALUE}).")
    String allocator;

    @Option(names = "--cost", defaultValue = "eq5", paramLabel = "KIND",
            description = "Cost matrix: hops, distance or eq5 (default: ${DEFAULT-VALUE}).")
    String cost;

    @Option(names = "--router", defaultValue = "manhattan", paramLabel = "NAME",
            description = "Router pricing the paths: manhattan, distance-aware, optimal, shortest (default: ${DEFAULT-VALUE}).")
    String router;

    @Option(names = "--pass", defaultValue = "ascending", paramLabel = "DIR",
            description = "Satellites used: ascending or descending (default: ${DEFAULT-VALUE}).")
    String pass;

    @Option(names = "--json", description = "Print one JSON object: {allocator, cost, assignment_ms, ...}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        WalkerShell shell = shellOptions.toShell();
        Flags.require(collectors >= 1, "--collectors", "an integer >= 1", collectors);
        Flags.oneOf("--allocator", allocator, Allocators.NAMES);
        Flags.oneOf("--router", router, Routers.NAMES);
        Flags.require(pass.equals("ascending") || pass.equals("descending"), "--pass", "ascending, descending", pass);
        CostKind kind;
        try {
            kind = CostKind.parse(cost);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for --cost: " + cost + " (allowed: hops, distance, eq5)");
        }
        Flags.require(2 * collectors <= shell.size(), "--collectors", "at most half the shell's " + shell.size() + " satellites", collectors);

        CircularOrbitGeometry geometry = new CircularOrbitGeometry(shell);
        SplittableRandom rnd = new SplittableRandom(seed);
        double tS = rnd.nextDouble() * shell.periodS();
        GeoPoint centre = new GeoPoint(-60 + 120 * rnd.nextDouble(), -180 + 360 * rnd.nextDouble());
        Pass direction = pass.equals("ascending") ? Pass.ASCENDING : Pass.DESCENDING;
        AreaOfInterest aoi = null;
        List<SatId> inside = List.of();
        for (double half = 5.0; inside.size() < 2 * collectors; half *= 1.25) {
            if (half > 200) {
                throw new IllegalArgumentException("invalid value for --collectors: " + collectors + " (allowed: at most "
                        + inside.size() / 2 + ": only " + inside.size() + " " + pass + " satellites exist at that instant)");
            }
            aoi = box(centre, half);
            inside = aoi.satellitesInside(geometry, tS, direction);
        }
        List<SatId> drawn = new ArrayList<>(inside);
        Collections.shuffle(drawn, new Random(rnd.nextLong()));
        List<SatId> tasks = drawn.subList(0, collectors);
        List<SatId> candidates = drawn.subList(collectors, 2 * collectors);
        Router r = Routers.byName(router, geometry, routeOptions.toOptions());
        double[][] matrix = RouteCosts.build(tasks, candidates, r, tS, kind, CostModel.PAPER_DEFAULT);
        Allocator a = Allocators.byName(allocator, seed);
        long start = System.nanoTime(); // the CLI reports solver time; nothing simulated reads this
        Assignment assignment = a.assign(matrix);
        double ms = (System.nanoTime() - start) / 1e6;

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allocator", a.name());
        out.put("cost", assignment.totalCost());
        out.put("assignment_ms", ms);
        out.put("cost_kind", kind.cliName());
        out.put("router", router);
        out.put("collectors", collectors);
        out.put("aoi_satellites", inside.size());
        out.put("aoi", new java.util.TreeMap<>(Map.of("lat_min_deg", aoi.latMinDeg(), "lat_max_deg", aoi.latMaxDeg(),
                "lon_min_deg", aoi.lonMinDeg(), "lon_max_deg", aoi.lonMaxDeg())));
        out.put("time_s", tS);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.write(out));
        } else {
            w.printf("%s: %d collectors -> %d candidate mappers (%d %s satellites in lat %.1f..%.1f, lon %.1f..%.1f at t = %.1f s)%n",
                    a.name(), collectors, collectors, inside.size(), pass, aoi.latMinDeg(), aoi.latMaxDeg(), aoi.lonMinDeg(),
                    aoi.lonMaxDeg(), tS);
            w.printf("  total %s cost %.6f, solved in %.3f ms%n", kind.cliName(), assignment.totalCost(), ms);
        }
        w.flush();
    }

    /** A box of ±half degrees around {@code c}, clipped at the poles, wrapping across the antimeridian. */
    static AreaOfInterest box(GeoPoint c, double half) {
        double latMin = Math.max(-90, c.latDeg() - half);
        double latMax = Math.min(90, c.latDeg() + half);
        if (half >= 180) {
            return new AreaOfInterest(latMin, latMax, -180, 180);
        }
        return new AreaOfInterest(latMin, latMax, GeoPoint.normalizeLonDeg(c.lonDeg() - half),
                GeoPoint.normalizeLonDeg(c.lonDeg() + half));
    }
}
