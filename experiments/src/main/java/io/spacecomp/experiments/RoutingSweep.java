package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.HungarianAllocator;
import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweep behind figures 3 and 4: every router, with and without polar protection, routes the
 * message paths of each run's job, at 53° and 87°.
 *
 * <p>The paths of a job (all leaving at the job's epoch): {@code collect}, LOS → each collector;
 * {@code map}, each collector → its mapper (minimum-total-hop assignment, which every minimal-hop router
 * agrees on); {@code reduce}, each mapper → the wrap-aware centre of the mappers; {@code result}, that
 * reducer → LOS. "AOI paths" are the map and reduce paths, "LOS paths" the collect and result paths.
 */
final class RoutingSweep {

    static final String FAMILY = "routing";
    static final List<Double> INCLINATIONS_DEG = List.of(53.0, 87.0);
    static final List<Integer> DEFAULT_PLANES = List.of(22, 32, 40, 50, 60, 70, 80, 90, 100);
    static final List<Integer> QUICK_PLANES = List.of(22, 50);
    static final List<PolarProtection> PROTECTIONS = List.of(PolarProtection.OFF, PolarProtection.DEFAULT);

    private RoutingSweep() {
    }

    /** One run at one inclination and size. */
    record Unit(double inclinationDeg, int planes, int run, long runSeed) {
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

    static List<Integer> planes(ExperimentConfig config) {
        return config.planesOr(DEFAULT_PLANES, QUICK_PLANES);
    }

    /** The sweep's runs, computed once per invocation and configuration. */
    static List<Run> runs(ExperimentConfig config, SweepContext context) {
        List<Integer> planes = planes(config);
        record Key(String family, int runs, long seed, List<Integer> planes) {
        }
        return context.memo(new Key(FAMILY, config.runs(), config.seed(), planes), () -> {
            List<Unit> units = new ArrayList<>();
            for (double inc : INCLINATIONS_DEG) {
                for (int n : planes) {
                    for (int r = 0; r < config.runs(); r++) {
                        units.add(new Unit(inc, n, r, Seeds.derive(config.seed(), FAMILY, n, r)));
                    }
                }
            }
            return Sweep.run(units, RoutingSweep::run, u -> (long) u.planes() * u.planes(), config.threads(),
                    context.progress(), "routing");
        });
    }

    static Run run(Unit u) {
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(
                WalkerShell.of(u.planes(), u.planes(), u.inclinationDeg(), WalkerShell.DEFAULT_ALTITUDE_KM));
        JobScenario s = JobScenario.draw(geometry, u.run(), u.runSeed());
        Torus torus = geometry.torus();
        int k = s.k();
        double[][] hops = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hops[i][j] = torus.hops(s.collectors().get(i), s.candidates().get(j));
            }
        }
        int[] mapperOf = new HungarianAllocator().assign(hops).columnOfRow();
        SatId reducer = ReducerPlacement.center(s.candidates(), torus);
        double t = s.epochS();
        List<RouterFigures> figures = new ArrayList<>();
        for (PolarProtection protection : PROTECTIONS) {
            RouteOptions options = new RouteOptions(0.0, protection);
            for (String name : Routers.NAMES) {
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
                figures.add(figures(protection.enabled(), name, aoi, los));
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
