package io.spacecomp.experiments;

import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fig. 3: mean physical length of a job's message paths versus constellation size, for the Manhattan,
 * distance-aware, optimal minimal-hop and free shortest routers, with and without polar protection, at
 * 53° and 87° (as {@code scenarios/paper/routing-distance.yaml} says). Headline: the last inclination, the
 * first protection setting. Shares its sweep (and scenarios) with {@link RoutingHopsExperiment}.
 */
public final class RoutingDistanceExperiment implements Experiment<RoutingDistanceExperiment.Row> {

    /**
     * @param run               the run
     * @param figures           one router's figures in it
     * @param vsManhattanPct    (mean distance / Manhattan's mean distance − 1)·100, same run and protection (%)
     */
    public record Row(RoutingSweep.Run run, RoutingSweep.RouterFigures figures, double vsManhattanPct) {
    }

    @Override
    public String name() {
        return "routing-distance";
    }

    @Override
    public String figure() {
        return "Fig. 3";
    }

    @Override
    public String title() {
        return "Fig. 3 - Routing distance vs constellation size (job message paths)";
    }

    @Override
    public String paperClaim() {
        return "Distance-aware routing cuts path length by 8-10 % at 53 deg and up to 21 % at 87 deg, hops unchanged.";
    }

    @Override
    public List<Column<Row>> columns() {
        List<Column<Row>> c = new ArrayList<>(ScenarioColumns.of(r -> r.run().scenario()));
        c.add(Column.of("reducer_sat", "reducer (centre of the mappers): index in plane", r -> Csv.num(r.run().reducer().sat())));
        c.add(Column.of("reducer_orb", "reducer (centre of the mappers): plane", r -> Csv.num(r.run().reducer().orb())));
        c.add(Column.of("protection", "polar protection: off, or on (no cross-plane hop above the polar limit)", r -> r.figures().protectedRoutes() ? "on" : "off"));
        c.add(Column.of("router", "manhattan, distance-aware, optimal (best minimal-hop path) or shortest (free Dijkstra)", r -> r.figures().router()));
        c.add(Column.of("paths", "message paths routed", r -> Csv.num(r.figures().paths())));
        c.add(Column.of("mean_distance_km", "mean path length over all the job's paths (km)", r -> Csv.num(r.figures().meanDistanceKm(), 3)));
        c.add(Column.of("aoi_mean_distance_km", "mean length of the map and reduce paths (km)", r -> Csv.num(r.figures().aoiMeanDistanceKm(), 3)));
        c.add(Column.of("los_mean_distance_km", "mean length of the collect and result paths (km)", r -> Csv.num(r.figures().losMeanDistanceKm(), 3)));
        c.add(Column.of("distance_vs_manhattan_pct", "mean distance relative to Manhattan's in the same run and protection (%)", r -> Csv.num(r.vsManhattanPct(), 4)));
        c.add(Column.of("mean_hops", "mean hop count over all paths", r -> Csv.num(r.figures().meanHops(), 4)));
        return c;
    }

    @Override
    public List<Row> rows(ExperimentConfig config, SweepContext context) {
        List<Row> rows = new ArrayList<>();
        for (RoutingSweep.Run run : RoutingSweep.runs(config, context, name())) {
            for (RoutingSweep.RouterFigures f : run.figures()) {
                double base = run.find(f.protectedRoutes(), "manhattan").meanDistanceKm();
                rows.add(new Row(run, f, 100.0 * (f.meanDistanceKm() / base - 1.0)));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        RoutingSweep.Params p = RoutingSweep.Params.of(scenario);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("inclinations_deg", p.inclinations());
        c.put("routers", p.routers());
        c.put("polar_limit_deg", scenario.routing().protection().latitudeLimitDeg());
        c.put("per_hop_overhead_s", scenario.routing().perHopOverheadS());
        String reducer = p.reducer().equals("los") ? "the LOS" : "centre of the mappers";
        c.put("paths", "collect: LOS -> each collector; map: collector -> its mapper (minimum total hops"
                + (p.allocator().equals("bipartite") ? "" : ", " + p.allocator() + " allocator") + "); "
                + "reduce: each mapper -> " + reducer + "; result: " + (p.reducer().equals("los") ? "none (the reducer is the LOS)" : "centre -> LOS")
                + "; all leave at the job's epoch");
        c.put("reduction", "100 * (1 - mean distance of the router / mean distance of manhattan), per run, averaged over runs");
        return c;
    }

    @Override
    public Map<String, Object> summary(List<Row> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Double> inclinations = Summaries.distinct(rows, r -> r.run().scenario().shell().inclinationDeg());
        List<Boolean> protections = Summaries.distinct(rows, r -> r.figures().protectedRoutes());
        double headline = inclinations.get(inclinations.size() - 1);
        s.put("distance_reduction_pct", reduction(rows, headline, protections.get(0), "distance-aware", false));
        s.put("distance_reduction_ci95_pct", reduction(rows, headline, protections.get(0), "distance-aware", true));
        Map<String, Object> by = new LinkedHashMap<>();
        for (double inc : inclinations) {
            for (boolean prot : protections) {
                Map<String, Object> routers = new LinkedHashMap<>();
                for (String router : Summaries.distinct(rows, r -> r.figures().router())) {
                    if (!router.equals("manhattan")) {
                        routers.put(router, reduction(rows, inc, prot, router, false));
                    }
                }
                by.put(RoutingSweep.configLabel(inc, prot), routers);
            }
        }
        s.put("distance_reduction_pct_by_configuration", by);
        return s;
    }

    private static Map<Integer, Double> reduction(List<Row> rows, double inc, boolean prot, String router, boolean ci) {
        return ci
                ? Summaries.ci95By(rows, r -> matches(r, inc, prot, router), r -> r.run().scenario().shell().planes(), r -> -r.vsManhattanPct(), 2)
                : Summaries.meanBy(rows, r -> matches(r, inc, prot, router), r -> r.run().scenario().shell().planes(), r -> -r.vsManhattanPct(), 2);
    }

    private static boolean matches(Row r, double inc, boolean prot, String router) {
        return r.run().scenario().shell().inclinationDeg() == inc && r.figures().protectedRoutes() == prot
                && r.figures().router().equals(router);
    }

    @Override
    public ChartSpec chart(List<Row> rows) {
        return RoutingHopsExperiment.routingChart(title(), "mean path length (km)", rows,
                r -> r.run(), r -> r.figures(), r -> r.figures().meanDistanceKm());
    }
}
