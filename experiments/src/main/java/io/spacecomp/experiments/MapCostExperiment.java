package io.spacecomp.experiments;

import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fig. 6: end-to-end map cost (total eq. 5 cost of collector → mapper transfers) per allocator versus
 * constellation size, with every optimisation on: distance-aware routing with polar protection. Same
 * scenarios as {@link MapAllocationExperiment}.
 */
public final class MapCostExperiment implements Experiment<MapCostExperiment.Row> {

    /**
     * @param run      the run
     * @param figures  one allocator's assignment
     */
    public record Row(MapSweep.Run run, MapSweep.AllocationFigures figures) {
    }

    @Override
    public String name() {
        return "map-cost";
    }

    @Override
    public String figure() {
        return "Fig. 6";
    }

    @Override
    public String title() {
        return "Fig. 6 - End-to-end map cost vs orbital planes";
    }

    @Override
    public String paperClaim() {
        return "Bipartite allocation consistently outperforms eager and random baselines across all constellation sizes.";
    }

    @Override
    public List<Column<Row>> columns() {
        List<Column<Row>> c = new ArrayList<>(ScenarioColumns.of(r -> r.run().scenario()));
        c.add(Column.of("allocator", "random, eager or bipartite", r -> r.figures().allocator()));
        c.add(Column.of("total_cost_s", "total eq. 5 cost of the assignment (s)", r -> Csv.num(r.figures().totalCostS(), 3)));
        c.add(Column.of("mean_cost_s", "mean eq. 5 cost per collector (s)", r -> Csv.num(r.figures().totalCostS() / r.run().scenario().k(), 3)));
        c.add(Column.of("max_cost_s", "costliest collector -> mapper transfer (s)", r -> Csv.num(r.figures().maxCostS(), 3)));
        c.add(Column.of("mean_hops", "mean hops collector -> mapper", r -> Csv.num(r.figures().meanHops(), 4)));
        c.add(Column.of("mean_distance_km", "mean path length collector -> mapper (km)", r -> Csv.num(r.figures().meanDistanceKm(), 3)));
        return c;
    }

    @Override
    public List<Row> rows(ExperimentConfig config, SweepContext context) {
        List<Row> rows = new ArrayList<>();
        for (MapSweep.Run run : MapSweep.runs(config, context, name())) {
            for (MapSweep.AllocationFigures f : run.figures()) {
                rows.add(new Row(run, f));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        return MapSweep.configuration(scenario);
    }

    @Override
    public Map<String, Object> summary(List<Row> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> cost = new LinkedHashMap<>();
        for (String a : Summaries.distinct(rows, r -> r.figures().allocator())) {
            cost.put(a, Summaries.meanBy(rows, r -> r.figures().allocator().equals(a), r -> r.run().scenario().shell().planes(),
                    r -> r.figures().totalCostS(), 1));
        }
        s.put("mean_total_cost_s", cost);
        for (String baseline : baselines(rows)) {
            s.put("improvement_vs_" + baseline + "_pct", Summaries.meanBy(rows, r -> r.figures().allocator().equals(baseline),
                    r -> r.run().scenario().shell().planes(),
                    r -> Stats.reductionPct(r.run().find(MapSweep.REFERENCE).totalCostS(), r.figures().totalCostS()), 2));
        }
        return s;
    }

    @Override
    public ChartSpec chart(List<Row> rows) {
        List<ChartSpec.Series> series = new ArrayList<>();
        List<String> allocators = Summaries.distinct(rows, r -> r.figures().allocator());
        for (int i = 0; i < allocators.size(); i++) {
            String a = allocators.get(i);
            series.add(ChartSpec.Series.of(a, i, false, rows, r -> r.figures().allocator().equals(a),
                    r -> r.run().scenario().shell().planes(), r -> r.figures().totalCostS()));
        }
        return new ChartSpec(title(), "orbital planes N (N x N shell)", false,
                List.of(new ChartSpec.Panel("total map cost, eq. 5 (s, log scale)", true, series)));
    }

    /** The allocators bipartite is compared with, in the scenario's order. */
    private static List<String> baselines(List<Row> rows) {
        return Summaries.distinct(rows, r -> r.figures().allocator()).stream().filter(a -> !a.equals(MapSweep.REFERENCE)).toList();
    }
}
