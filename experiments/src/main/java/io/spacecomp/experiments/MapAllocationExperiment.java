package io.spacecomp.experiments;

import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fig. 5: how much lower the bipartite (Hungarian) allocation's total eq. 5 map cost is than the random
 * and eager allocations', per constellation size. Costs along Manhattan paths, as the paper's §III-B
 * defines d(t→p).
 */
public final class MapAllocationExperiment implements Experiment<MapAllocationExperiment.Row> {

    /**
     * @param run                    the run
     * @param figures                one allocator's assignment
     * @param bipartiteImprovementPct 100·(1 − bipartite total / this total) (%)
     */
    public record Row(MapSweep.Run run, MapSweep.AllocationFigures figures, double bipartiteImprovementPct) {
    }

    @Override
    public String name() {
        return "map-allocation";
    }

    @Override
    public String figure() {
        return "Fig. 5";
    }

    @Override
    public String title() {
        return "Fig. 5 - Map allocation: improvement of bipartite matching";
    }

    @Override
    public String paperClaim() {
        return "Bipartite matching achieves 61-79 % improvement over random and 18-28 % over eager allocation.";
    }

    @Override
    public List<Column<Row>> columns() {
        List<Column<Row>> c = new ArrayList<>(ScenarioColumns.of(r -> r.run().scenario()));
        c.add(Column.of("allocator", "random, eager or bipartite", r -> r.figures().allocator()));
        c.add(Column.of("total_cost_s", "total eq. 5 cost of the assignment (s)", r -> Csv.num(r.figures().totalCostS(), 3)));
        c.add(Column.of("bipartite_improvement_pct", "100*(1 - bipartite total / this total) (%)", r -> Csv.num(r.bipartiteImprovementPct(), 4)));
        c.add(Column.of("mean_hops", "mean hops collector -> mapper", r -> Csv.num(r.figures().meanHops(), 4)));
        c.add(Column.of("mean_distance_km", "mean path length collector -> mapper (km)", r -> Csv.num(r.figures().meanDistanceKm(), 3)));
        return c;
    }

    @Override
    public List<Row> rows(ExperimentConfig config, SweepContext context) {
        List<Row> rows = new ArrayList<>();
        for (MapSweep.Run run : MapSweep.runs(config, context, name())) {
            double bipartite = run.find(MapSweep.REFERENCE).totalCostS();
            for (MapSweep.AllocationFigures f : run.figures()) {
                rows.add(new Row(run, f, Stats.reductionPct(bipartite, f.totalCostS())));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        Map<String, Object> c = MapSweep.configuration(scenario);
        c.put("improvement", "100 * (1 - bipartite total cost / baseline total cost), per run, averaged over runs");
        return c;
    }

    @Override
    public Map<String, Object> summary(List<Row> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String baseline : baselines(rows)) {
            s.put("improvement_vs_" + baseline + "_pct", Summaries.meanBy(rows, r -> r.figures().allocator().equals(baseline),
                    r -> r.run().scenario().shell().planes(), Row::bipartiteImprovementPct, 2));
            s.put("improvement_vs_" + baseline + "_ci95_pct", Summaries.ci95By(rows, r -> r.figures().allocator().equals(baseline),
                    r -> r.run().scenario().shell().planes(), Row::bipartiteImprovementPct, 2));
        }
        if (baselines(rows).containsAll(List.of("random", "eager"))) {
            s.put("eager_vs_random_pct", Summaries.meanBy(rows, r -> r.figures().allocator().equals("random"),
                    r -> r.run().scenario().shell().planes(),
                    r -> Stats.reductionPct(r.run().find("eager").totalCostS(), r.figures().totalCostS()), 2));
        }
        return s;
    }

    @Override
    public ChartSpec chart(List<Row> rows) {
        List<ChartSpec.Series> series = new ArrayList<>();
        int colour = 0;
        for (String baseline : baselines(rows)) {
            series.add(ChartSpec.Series.of("bipartite vs " + baseline, colour++, false, rows,
                    r -> r.figures().allocator().equals(baseline), r -> r.run().scenario().shell().planes(),
                    Row::bipartiteImprovementPct));
        }
        return new ChartSpec(title(), "orbital planes N (N x N shell)", false,
                List.of(new ChartSpec.Panel("total map cost reduction (%)", false, series)));
    }

    /** The allocators bipartite is compared with, in the scenario's order. */
    private static List<String> baselines(List<Row> rows) {
        return Summaries.distinct(rows, r -> r.figures().allocator()).stream().filter(a -> !a.equals(MapSweep.REFERENCE)).toList();
    }
}
