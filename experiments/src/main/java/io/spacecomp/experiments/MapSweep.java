package io.spacecomp.experiments;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.Allocator;
import io.spacecomp.placement.Allocators;
import io.spacecomp.placement.Assignment;
import io.spacecomp.placement.CostModel;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep behind figures 5 and 6: each run's collectors are assigned to its candidate mappers by the
 * random, eager and bipartite (Hungarian) allocators on the eq. 5 cost of the routed path
 * (Table II: m_p = K = 1, H = 3, V = 10 GB, eq. 6–7 link budget), and the assignments are scored.
 */
final class MapSweep {

    static final String FAMILY = "map";
    static final List<Integer> DEFAULT_PLANES = List.of(50, 60, 70, 80, 90, 100);
    static final List<Integer> QUICK_PLANES = List.of(50, 70);
    static final List<String> ALLOCATORS = List.of("random", "eager", "bipartite");
    static final double INCLINATION_DEG = 87.0;
    static final CostModel COST = CostModel.PAPER_DEFAULT;
    static final PolarProtection PROTECTION = PolarProtection.DEFAULT;

    private MapSweep() {
    }

    record Unit(int planes, int run, long runSeed) {
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

    static List<Run> runs(ExperimentConfig config, SweepContext context, String router) {
        List<Unit> units = new ArrayList<>();
        for (int n : config.planesOr(DEFAULT_PLANES, QUICK_PLANES)) {
            for (int r = 0; r < config.runs(); r++) {
                units.add(new Unit(n, r, Seeds.derive(config.seed(), FAMILY, n, r)));
            }
        }
        return Sweep.run(units, u -> run(u, router), u -> (long) u.planes() * u.planes(), config.threads(),
                context.progress(), "map/" + router);
    }

    static Run run(Unit u, String routerName) {
        CircularOrbitGeometry geometry = new CircularOrbitGeometry(WalkerShell.paperDefault(u.planes(), u.planes()));
        JobScenario s = JobScenario.draw(geometry, u.run(), u.runSeed());
        Router router = Routers.byName(routerName, geometry, new RouteOptions(0.0, PROTECTION));
        int k = s.k();
        double[][] cost = new double[k][k];
        int[][] hops = new int[k][k];
        double[][] km = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                Path p = router.route(s.collectors().get(i), s.candidates().get(j), s.epochS());
                hops[i][j] = p.hopCount();
                km[i][j] = p.distanceKm();
                cost[i][j] = COST.cost(p.hopCount(), p.distanceKm());
            }
        }
        List<AllocationFigures> figures = new ArrayList<>();
        for (String name : ALLOCATORS) {
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

    static Map<String, Object> configuration(String router) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("inclination_deg", INCLINATION_DEG);
        c.put("router", router);
        c.put("polar_limit_deg", PROTECTION.latitudeLimitDeg());
        c.put("allocators", ALLOCATORS);
        c.put("cost", "eq. 5: C(t,p) = m_p*K + h*H + S(d, V), S(d,V) = d/c + 8V / (B log2(1 + SNR(d))), d = routed path length");
        c.put("cost_model", COST);
        c.put("random_allocator_seed", "derived from the run's seed (stream 1)");
        c.put("eager_order", "collectors in their drawn (random) order, each takes the cheapest free mapper");
        return c;
    }
}
