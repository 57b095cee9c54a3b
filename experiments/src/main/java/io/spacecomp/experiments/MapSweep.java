package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.Allocator;
import io.spacecomp.placement.Allocators;
import io.spacecomp.placement.Assignment;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep behind figures 5 and 6: each run's collectors are assigned to its candidate mappers by the
 * allocators the scenario compares (the paper: random, eager and bipartite, i.e. Hungarian) on the eq. 5
 * cost of the routed path (Table II: m_p = K = 1, H = 3, V = 10 GB, eq. 6–7 link budget), and the
 * assignments are scored.
 */
final class MapSweep {

    static final String FAMILY = "map";
    /** The allocator the others are measured against. */
    static final String REFERENCE = "bipartite";

    private MapSweep() {
    }

    /**
     * What one point of the map figures fixes, from its scenario.
     *
     * @param shell      the point's shell
     * @param rules      how a run draws its job
     * @param router     the one router of {@code compare.router}
     * @param options    the routing block: polar protection and per-hop overhead
     * @param allocators {@code compare.allocator}, bipartite among them (the reference)
     * @param costKind   what the allocators minimise ({@code compare.cost})
     * @param cost       eq. 5 ({@code cost})
     */
    record Params(WalkerShell shell, DrawRules rules, String router, RouteOptions options, List<String> allocators,
                  CostKind costKind, CostModel cost) {

        static Params of(Scenario s) {
            String e = s.experiment();
            PaperExperiments.require(s.compare().allocators(), REFERENCE, "compare.allocator", e);
            return new Params(PaperExperiments.walker(s, e), DrawRules.of(s),
                    PaperExperiments.one(s.compare().routers(), "compare.router", e), s.routing(), s.compare().allocators(),
                    s.compare().costKind(), s.cost().model());
        }
    }

    record Unit(Params params, int run, long runSeed) {
        @Override
        public String toString() {
            return "map run " + run + " at " + params.shell().planes() + "x" + params.shell().satsPerPlane();
        }
    }

    /**
     * One allocator's assignment, scored.
     *
     * @param allocator       allocator name
     * @param totalCostS      Σ eq. 5 cost of the chosen pairs (s)
     * @param maxCostS        the costliest pair (s): the map phase's makespan if transfers run in parallel
     * @param meanHops        mean hops of the chosen pairs
     * @param meanDistanceKm  mean path length of the chosen pairs (km)
     */
    record AllocationFigures(String allocator, double totalCostS, double maxCostS, double meanHops, double meanDistanceKm) {
    }

    record Run(JobScenario scenario, List<AllocationFigures> figures) {
        AllocationFigures find(String allocator) {
            for (AllocationFigures f : figures) {
                if (f.allocator().equals(allocator)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no allocator " + allocator);
        }
    }

    static List<Run> runs(ExperimentConfig config, SweepContext context, String experiment) {
        List<Params> points = config.points(experiment).stream().map(Params::of).toList();
        List<Unit> units = new ArrayList<>();
        for (Params p : points) {
            for (int r = 0; r < config.runs(); r++) {
                units.add(new Unit(p, r, Seeds.derive(config.seed(), FAMILY, p.shell().planes(), r)));
            }
        }
        return Sweep.run(units, MapSweep::run, u -> (long) u.params().shell().planes() * u.params().shell().satsPerPlane(),
                config.threads(), context.progress(), "map/" + points.get(0).router());
    }

    static Run run(Unit u) {
        Params p = u.params();
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(p.shell());
        JobScenario s = JobScenario.draw(geometry, p.rules(), u.run(), u.runSeed());
        Router router = Routers.byName(p.router(), geometry, p.options());
        int k = s.k();
        double[][] cost = new double[k][k];
        int[][] hops = new int[k][k];
        double[][] km = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                Path path = router.route(s.collectors().get(i), s.candidates().get(j), s.epochS());
                hops[i][j] = path.hopCount();
                km[i][j] = path.distanceKm();
                cost[i][j] = p.costKind().of(path, p.cost());
            }
        }
        List<AllocationFigures> figures = new ArrayList<>();
        for (String name : p.allocators()) {
            Allocator allocator = Allocators.byName(name, Seeds.stream(u.runSeed(), 1));
            Assignment a = allocator.assign(cost);
            double max = 0;
            double sumHops = 0;
            double sumKm = 0;
            for (int i = 0; i < k; i++) {
                int j = a.columnOf(i);
                max = Math.max(max, cost[i][j]);
                sumHops += hops[i][j];
                sumKm += km[i][j];
            }
            figures.add(new AllocationFigures(name, a.totalCost(), max, sumHops / k, sumKm / k));
        }
        return new Run(s, figures);
    }

    static Map<String, Object> configuration(Scenario scenario) {
        Params p = Params.of(scenario);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("inclination_deg", p.shell().inclinationDeg());
        c.put("router", p.router());
        c.put("polar_limit_deg", p.options().protection().latitudeLimitDeg());
        c.put("allocators", p.allocators());
        c.put("cost", p.costKind() == CostKind.EQ5
                ? "eq. 5: C(t,p) = m_p*K + h*H + S(d, V), S(d,V) = d/c + 8V / (B log2(1 + SNR(d))), d = routed path length"
                : "the allocators minimise " + p.costKind().cliName() + "; total_cost_s is the sum of that cost");
        c.put("cost_model", p.cost());
        c.put("random_allocator_seed", "derived from the run's seed (stream 1)");
        c.put("eager_order", "collectors in their drawn (random) order, each takes the cheapest free mapper");
        return c;
    }
}
