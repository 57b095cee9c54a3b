package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.Allocators;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweep behind figures 3 and 4: every router, with and without polar protection, routes the
 * message paths of each run's job, at each inclination the scenario compares (the paper: 53° and 87°).
 *
 * <p>The paths of a job (all leaving at the job's epoch): {@code collect}, LOS → each collector;
 * {@code map}, each collector → its mapper (minimum-total-hop assignment, which every minimal-hop router
 * agrees on); {@code reduce}, each mapper → the wrap-aware centre of the mappers; {@code result}, that
 * reducer → LOS. "AOI paths" are the map and reduce paths, "LOS paths" the collect and result paths.
 */
final class RoutingSweep {

    static final String FAMILY = "routing";

    private RoutingSweep() {
    }

    /**
     * What one point of the routing figures fixes, from its scenario: everything but the seeded draw.
     *
     * @param shell        the point's shell (its inclination is replaced by each of {@code inclinationsDeg})
     * @param rules        how a run draws its job
     * @param inclinations {@code compare.inclination_deg}, else the shell's own
     * @param options      the route options of each {@code compare.polar_protection} value (else the routing block's)
     * @param routers      {@code compare.router}, manhattan among them (the reference)
     * @param allocator    the map paths' assignment ({@code compare.allocator}, on hops: {@code compare.cost: hops})
     * @param reducer      where the reduce paths end: center or los
     */
    record Params(WalkerShell shell, DrawRules rules, List<Double> inclinations, List<RouteOptions> options,
                  List<String> routers, String allocator, String reducer) {

        static Params of(Scenario s) {
            String e = s.experiment();
            Compare c = s.compare();
            List<Double> inclinations = c.inclinationsDeg().isEmpty()
                    ? List.of(PaperExperiments.walker(s, e).inclinationDeg()) : c.inclinationsDeg();
            List<Boolean> protections = c.polarProtection().isEmpty() ? List.of(s.routing().protection().enabled()) : c.polarProtection();
            List<RouteOptions> options = new ArrayList<>();
            for (boolean on : protections) {
                options.add(new RouteOptions(s.routing().perHopOverheadS(),
                        new PolarProtection(on, s.routing().protection().latitudeLimitDeg())));
            }
            PaperExperiments.require(c.routers(), "manhattan", "compare.router", e);
            if (c.costKind() != CostKind.HOPS) {
                throw new IllegalArgumentException(e + " assigns the map paths by total hops (compare.cost: hops), got "
                        + c.costKind().cliName());
            }
            String reducer = PaperExperiments.one(c.reducers(), "compare.reducer", e);
            if (!List.of("center", "los").contains(reducer)) {
                throw new IllegalArgumentException(e + " ends the reduce paths at the centre of the mappers or at the LOS "
                        + "(compare.reducer: center or los), got " + reducer);
            }
            return new Params(PaperExperiments.walker(s, e), DrawRules.of(s), inclinations, options, c.routers(),
                    PaperExperiments.one(c.allocators(), "compare.allocator", e), reducer);
        }
    }

    /** One run at one inclination and point. */
    record Unit(Params params, double inclinationDeg, int run, long runSeed) {
        @Override
        public String toString() {
            return "routing run " + run + " at " + params.shell().planes() + "x" + params.shell().satsPerPlane() + ", "
                    + inclinationDeg + " deg";
        }
    }

    /**
     * One router's figures over one job's paths.
     *
     * @param protectedRoutes   polar protection on
     * @param router            router name
     * @param paths             paths routed
     * @param meanDistanceKm    mean path length (km)
     * @param meanHops          mean hop count
     * @param maxHops           longest path (hops)
     * @param aoiMeanDistanceKm mean length of the map and reduce paths (km)
     * @param losMeanDistanceKm mean length of the collect and result paths (km)
     * @param aoiMeanHops       mean hops of the map and reduce paths
     * @param losMeanHops       mean hops of the collect and result paths
     */
    record RouterFigures(boolean protectedRoutes, String router, int paths, double meanDistanceKm, double meanHops,
                         int maxHops, double aoiMeanDistanceKm, double losMeanDistanceKm, double aoiMeanHops,
                         double losMeanHops) {
    }

    /** A run's scenario, its reducer, and every router's figures (protection off first, routers in CLI order). */
    record Run(JobScenario scenario, SatId reducer, List<RouterFigures> figures) {
        RouterFigures find(boolean protectedRoutes, String router) {
            for (RouterFigures f : figures) {
                if (f.protectedRoutes() == protectedRoutes && f.router().equals(router)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no figures for " + router);
        }
    }

    /** The sweep's runs: each inclination, then each point, then each run; computed once per invocation and parameters. */
    static List<Run> runs(ExperimentConfig config, SweepContext context, String experiment) {
        List<Params> points = config.points(experiment).stream().map(Params::of).toList();
        record Key(String family, int runs, long seed, List<Params> points) {
        }
        return context.memo(new Key(FAMILY, config.runs(), config.seed(), points), () -> {
            List<Unit> units = new ArrayList<>();
            for (double inc : points.get(0).inclinations()) {
                for (Params p : points) {
                    for (int r = 0; r < config.runs(); r++) {
                        units.add(new Unit(p, inc, r, Seeds.derive(config.seed(), FAMILY, p.shell().planes(), r)));
                    }
                }
            }
            return Sweep.run(units, RoutingSweep::run, u -> (long) u.params().shell().planes() * u.params().shell().satsPerPlane(),
                    config.threads(), context.progress(), "routing");
        });
    }

    static Run run(Unit u) {
        Params p = u.params();
        WalkerShell shell = p.shell();
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(new WalkerShell(shell.planes(), shell.satsPerPlane(),
                shell.phasing(), u.inclinationDeg(), shell.altitudeKm(), shell.earthRadiusKm()));
        JobScenario s = JobScenario.draw(geometry, p.rules(), u.run(), u.runSeed());
        Torus torus = geometry.torus();
        int k = s.k();
        double[][] hops = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hops[i][j] = torus.hops(s.collectors().get(i), s.candidates().get(j));
            }
        }
        int[] mapperOf = Allocators.byName(p.allocator(), Seeds.stream(u.runSeed(), 1)).assign(hops).columnOfRow();
        SatId reducer = p.reducer().equals("los") ? s.los() : ReducerPlacement.center(s.candidates(), torus);
        double t = s.epochS();
        List<RouterFigures> figures = new ArrayList<>();
        for (RouteOptions options : p.options()) {
            for (String name : p.routers()) {
                Router router = Routers.byName(name, geometry, options);
                List<Path> los = new ArrayList<>(router.routeAll(s.los(), s.collectors(), t));
                los.add(router.route(reducer, s.los(), t));
                List<Path> aoi = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    aoi.add(router.route(s.collectors().get(i), s.candidates().get(mapperOf[i]), t));
                }
                for (SatId m : s.candidates()) {
                    aoi.add(router.route(m, reducer, t));
                }
                figures.add(figures(options.protection().enabled(), name, aoi, los));
            }
        }
        return new Run(s, reducer, figures);
    }

    private static RouterFigures figures(boolean protectedRoutes, String router, List<Path> aoi, List<Path> los) {
        double aoiKm = 0;
        double losKm = 0;
        long aoiHops = 0;
        long losHops = 0;
        int maxHops = 0;
        for (Path p : aoi) {
            aoiKm += p.distanceKm();
            aoiHops += p.hopCount();
            maxHops = Math.max(maxHops, p.hopCount());
        }
        for (Path p : los) {
            losKm += p.distanceKm();
            losHops += p.hopCount();
            maxHops = Math.max(maxHops, p.hopCount());
        }
        int paths = aoi.size() + los.size();
        return new RouterFigures(protectedRoutes, router, paths, (aoiKm + losKm) / paths, (double) (aoiHops + losHops) / paths,
                maxHops, aoiKm / aoi.size(), losKm / los.size(), (double) aoiHops / aoi.size(), (double) losHops / los.size());
    }

    /** "i=87deg, protection off" style label. */
    static String configLabel(double inclinationDeg, boolean protectedRoutes) {
        return "i=" + Math.round(inclinationDeg) + "deg, protection " + (protectedRoutes ? "on" : "off");
    }
}
