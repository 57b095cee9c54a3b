package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep behind figures 7 and 8: each run's mappers (with as many candidates as collectors, every
 * candidate maps) send their output (V/F_M) to a reducer placed at the LOS satellite, at the wrap-aware
 * centre of the mappers, or at the 1-median; the reducer sends its output to the LOS satellite. Costs are
 * eq. 5 along distance-aware paths with polar protection.
 *
 * <p>The reducer's output volume, which the paper leaves open: {@link OutputVolume#PARTITION} (one map
 * output compressed by F_R, V/(F_M·F_R): the reading that matches the paper's figures) and
 * {@link OutputVolume#TOTAL} (everything the reducer received compressed by F_R, k·V/(F_M·F_R)).
 */
final class ReduceSweep {

    static final String FAMILY = "reduce";
    static final List<Integer> DEFAULT_PLANES = List.of(50, 60, 70, 80, 90, 100);
    static final List<Integer> QUICK_PLANES = List.of(50, 70);
    static final List<ReducerPlacement> PLACEMENTS = List.of(ReducerPlacement.LOS, ReducerPlacement.CENTER, ReducerPlacement.MEDIAN);
    static final String ROUTER = "distance-aware";
    static final PolarProtection PROTECTION = PolarProtection.DEFAULT;
    /** Table II: V = 10 GB per collect task, F_M = 1, F_R = 5, m_p = r_p = 1, t_h = 3. */
    static final CostModel COST = CostModel.PAPER_DEFAULT;
    static final double MAP_COMPRESSION_FM = 1.0;
    static final double DEFAULT_REDUCTION_FR = 5.0;

    private ReduceSweep() {
    }

    /** What the reducer sends to the LOS satellite. */
    enum OutputVolume {
        /** V/(F_M·F_R): one map output compressed by F_R. */
        PARTITION,
        /** k·V/(F_M·F_R): all k map outputs compressed by F_R. */
        TOTAL;

        double bytes(int k, double fr) {
            double one = COST.volumeBytes() / (MAP_COMPRESSION_FM * fr);
            return this == PARTITION ? one : k * one;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Unit(int planes, int run, long runSeed) {
    }

    /**
     * One placement's routes and mapper-side cost.
     *
     * @param placement          los, center or median
     * @param reducer            the reducer satellite
     * @param mapperHops         Σ hops mapper → reducer
     * @param mapperKm           Σ path length mapper → reducer (km)
     * @param mapperCostS        Σ eq. 5 cost mapper → reducer at volume V/F_M (s)
     * @param losHops            hops reducer → LOS
     * @param losKm              path length reducer → LOS (km)
     */
    record Placement(ReducerPlacement placement, SatId reducer, long mapperHops, double mapperKm, double mapperCostS,
                     int losHops, double losKm) {

        /** Eq. 5 cost of the reducer → LOS transfer of {@code bytes} (s); a zero-hop transfer costs m_p·K. */
        double losCostS(double bytes) {
            return COST.withVolume(bytes).cost(losHops, losKm);
        }

        /** Total reduce cost: mappers → reducer plus reducer → LOS (s). */
        double totalCostS(OutputVolume volume, int k, double fr) {
            return mapperCostS + losCostS(volume.bytes(k, fr));
        }
    }

    record Run(JobScenario scenario, List<Placement> placements) {
        Placement find(ReducerPlacement p) {
            for (Placement x : placements) {
                if (x.placement() == p) {
                    return x;
                }
            }
            throw new IllegalArgumentException("no placement " + p);
        }
    }

    static List<Integer> planes(ExperimentConfig config) {
        return config.planesOr(DEFAULT_PLANES, QUICK_PLANES);
    }

    static List<Run> runs(ExperimentConfig config, SweepContext context) {
        List<Integer> planes = planes(config);
        record Key(String family, int runs, long seed, List<Integer> planes) {
        }
        return context.memo(new Key(FAMILY, config.runs(), config.seed(), planes), () -> {
            List<Unit> units = new ArrayList<>();
            for (int n : planes) {
                for (int r = 0; r < config.runs(); r++) {
                    units.add(new Unit(n, r, Seeds.derive(config.seed(), FAMILY, n, r)));
                }
            }
            return Sweep.run(units, ReduceSweep::run, u -> (long) u.planes() * u.planes(), config.threads(),
                    context.progress(), "reduce");
        });
    }

    static Run run(Unit u) {
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(WalkerShell.paperDefault(u.planes(), u.planes()));
        JobScenario s = JobScenario.draw(geometry, u.run(), u.runSeed());
        Router router = Routers.byName(ROUTER, geometry, new RouteOptions(0.0, PROTECTION));
        CostModel mapOutput = COST.withVolume(COST.volumeBytes() / MAP_COMPRESSION_FM);
        List<SatId> mappers = s.candidates();
        double t = s.epochS();
        List<Placement> placements = new ArrayList<>();
        for (ReducerPlacement p : PLACEMENTS) {
            SatId reducer = p.place(mappers, s.los(), geometry.torus(), router, t, CostKind.EQ5, mapOutput);
            long hops = 0;
            double km = 0;
            double cost = 0;
            for (SatId m : mappers) {
                Path path = router.route(m, reducer, t);
                hops += path.hopCount();
                km += path.distanceKm();
                cost += mapOutput.cost(path.hopCount(), path.distanceKm());
            }
            Path toLos = router.route(reducer, s.los(), t);
            placements.add(new Placement(p, reducer, hops, km, cost, toLos.hopCount(), toLos.distanceKm()));
        }
        return new Run(s, placements);
    }

    static Map<String, Object> configuration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("inclination_deg", 87.0);
        c.put("router", ROUTER);
        c.put("polar_limit_deg", PROTECTION.latitudeLimitDeg());
        c.put("placements", PLACEMENTS.stream().map(ReducerPlacement::cliName).toList());
        c.put("mappers", "the k candidate mappers (k collectors, k candidates: every candidate maps)");
        c.put("cost", "sum over mappers of eq. 5 at V/F_M (mapper -> reducer) + eq. 5 of the reducer's output (reducer -> LOS); "
                + "departures at the job's epoch");
        c.put("cost_model", COST);
        c.put("map_compression_fm", MAP_COMPRESSION_FM);
        c.put("reducer_output", "partition: V/(F_M*F_R), one map output compressed by F_R; "
                + "total: k*V/(F_M*F_R), all map outputs compressed by F_R");
        c.put("median", "the satellite of the mappers' bounding box minimising the total mapper -> reducer eq. 5 cost");
        return c;
    }
}
