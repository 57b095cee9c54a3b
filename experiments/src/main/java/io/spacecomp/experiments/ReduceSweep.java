package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep behind figures 7 and 8: each run's mappers (with as many candidates as collectors, every
 * candidate maps) send their output (V/F_M) to a reducer placed at the LOS satellite, at the wrap-aware
 * centre of the mappers, or at the 1-median (the placements the scenario compares); the reducer sends its
 * output to the LOS satellite. Costs are eq. 5 along the scenario's router (the paper: distance-aware with
 * polar protection).
 *
 * <p>The reducer's output volume, which the paper leaves open: {@link OutputVolume#PARTITION} (one map
 * output compressed by F_R, V/(F_M·F_R): the reading that matches the paper's figures) and
 * {@link OutputVolume#TOTAL} (everything the reducer received compressed by F_R, k·V/(F_M·F_R)).
 */
final class ReduceSweep {

    static final String FAMILY = "reduce";

    private ReduceSweep() {
    }

    /**
     * What one point of the reduce figures fixes, from its scenario.
     *
     * @param shell      the point's shell
     * @param rules      how a run draws its job
     * @param router     the one router of {@code compare.router}
     * @param options    the routing block: polar protection and per-hop overhead
     * @param placements {@code compare.reducer}, los among them (the reference)
     * @param costKind   what the median placement minimises ({@code compare.cost})
     * @param cost       eq. 5 ({@code cost}); V is a collector's volume
     * @param fm         F_M ({@code cost.f_m}): a mapper's output is V / F_M
     * @param fr         F_R ({@code cost.f_r}) of figure 7
     */
    record Params(WalkerShell shell, DrawRules rules, String router, RouteOptions options, List<ReducerPlacement> placements,
                  CostKind costKind, CostModel cost, double fm, double fr) {

        static Params of(Scenario s) {
            String e = s.experiment();
            PaperExperiments.require(s.compare().reducers(), "los", "compare.reducer", e);
            return new Params(PaperExperiments.walker(s, e), DrawRules.of(s),
                    PaperExperiments.one(s.compare().routers(), "compare.router", e), s.routing(),
                    s.compare().reducers().stream().map(ReducerPlacement::parse).toList(), s.compare().costKind(),
                    s.cost().model(), s.cost().mapCompression(), s.cost().reductionFactor());
        }

        /** The sweep's identity: what the runs depend on (not F_R, which only scores them). */
        Params sweepKey() {
            return new Params(shell, rules, router, options, placements, costKind, cost, fm, 0);
        }
    }

    /** What the reducer sends to the LOS satellite. */
    enum OutputVolume {
        /** V/(F_M·F_R): one map output compressed by F_R. */
        PARTITION,
        /** k·V/(F_M·F_R): all k map outputs compressed by F_R. */
        TOTAL;

        double bytes(int k, double fr, Params p) {
            double one = p.cost().volumeBytes() / (p.fm() * fr);
            return this == PARTITION ? one : k * one;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Unit(Params params, int run, long runSeed) {
        @Override
        public String toString() {
            return "reduce run " + run + " at " + params.shell().planes() + "x" + params.shell().satsPerPlane();
        }
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
        double losCostS(double bytes, Params p) {
            return p.cost().withVolume(bytes).cost(losHops, losKm);
        }

        /** Total reduce cost: mappers → reducer plus reducer → LOS (s). */
        double totalCostS(OutputVolume volume, int k, double fr, Params p) {
            return mapperCostS + losCostS(volume.bytes(k, fr, p), p);
        }
    }

    /** A run's scenario, the parameters of its point, and each placement. */
    record Run(JobScenario scenario, Params params, List<Placement> placements) {
        Placement find(ReducerPlacement p) {
            for (Placement x : placements) {
                if (x.placement() == p) {
                    return x;
                }
            }
            throw new IllegalArgumentException("no placement " + p);
        }

        /** {@code p}'s total reduce cost (s) with output {@code volume} at F_R = {@code fr}. */
        double totalCostS(Placement p, OutputVolume volume, double fr) {
            return p.totalCostS(volume, scenario.k(), fr, params);
        }

        /** The reducer → LOS cost of {@code p} (s) with output {@code volume} at F_R = {@code fr}. */
        double losCostS(Placement p, OutputVolume volume, double fr) {
            return p.losCostS(volume.bytes(scenario.k(), fr, params), params);
        }
    }

    /** The sweep's runs, computed once per invocation and parameters (figures 7 and 8 share them). */
    static List<Run> runs(ExperimentConfig config, SweepContext context, String experiment) {
        List<Params> points = config.points(experiment).stream().map(Params::of).toList();
        record Key(String family, int runs, long seed, List<Params> points) {
        }
        List<Run> runs = context.memo(new Key(FAMILY, config.runs(), config.seed(),
                points.stream().map(Params::sweepKey).toList()), () -> {
            List<Unit> units = new ArrayList<>();
            for (Params p : points) {
                for (int r = 0; r < config.runs(); r++) {
                    units.add(new Unit(p, r, Seeds.derive(config.seed(), FAMILY, p.shell().planes(), r)));
                }
            }
            return Sweep.run(units, ReduceSweep::run, u -> (long) u.params().shell().planes() * u.params().shell().satsPerPlane(),
                    config.threads(), context.progress(), "reduce");
        });
        // the memo may hold a sibling figure's runs: the same draws, scored here with this file's F_R
        List<Run> out = new ArrayList<>();
        for (Run run : runs) {
            out.add(new Run(run.scenario(), points.get(indexOf(points, run.params())), run.placements()));
        }
        return out;
    }

    private static int indexOf(List<Params> points, Params p) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).sweepKey().equals(p.sweepKey())) {
                return i;
            }
        }
        throw new IllegalStateException("no point " + p);
    }

    static Run run(Unit u) {
        Params p = u.params();
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(p.shell());
        JobScenario s = JobScenario.draw(geometry, p.rules(), u.run(), u.runSeed());
        Router router = Routers.byName(p.router(), geometry, p.options());
        CostModel mapOutput = p.cost().withVolume(p.cost().volumeBytes() / p.fm());
        List<SatId> mappers = s.candidates();
        double t = s.epochS();
        List<Placement> placements = new ArrayList<>();
        for (ReducerPlacement placement : p.placements()) {
            SatId reducer = placement.place(mappers, s.los(), geometry.torus(), router, t, p.costKind(), mapOutput);
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
            placements.add(new Placement(placement, reducer, hops, km, cost, toLos.hopCount(), toLos.distanceKm()));
        }
        return new Run(s, p, placements);
    }

    static Map<String, Object> configuration(Scenario scenario) {
        Params p = Params.of(scenario);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("inclination_deg", p.shell().inclinationDeg());
        c.put("router", p.router());
        c.put("polar_limit_deg", p.options().protection().latitudeLimitDeg());
        c.put("placements", p.placements().stream().map(ReducerPlacement::cliName).toList());
        c.put("mappers", "the k candidate mappers (k collectors, k candidates: every candidate maps)");
        c.put("cost", "sum over mappers of eq. 5 at V/F_M (mapper -> reducer) + eq. 5 of the reducer's output (reducer -> LOS); "
                + "departures at the job's epoch");
        c.put("cost_model", p.cost());
        c.put("map_compression_fm", p.fm());
        c.put("reducer_output", "partition: V/(F_M*F_R), one map output compressed by F_R; "
                + "total: k*V/(F_M*F_R), all map outputs compressed by F_R");
        c.put("median", "the satellite of the mappers' bounding box minimising the total mapper -> reducer "
                + (p.costKind() == CostKind.EQ5 ? "eq. 5 cost" : p.costKind().cliName()));
        return c;
    }
}
