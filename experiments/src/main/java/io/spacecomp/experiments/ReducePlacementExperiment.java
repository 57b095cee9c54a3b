package io.spacecomp.experiments;

import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fig. 7: end-to-end reduce cost (mappers → reducer plus reducer → LOS, eq. 5) with the reducer at the
 * LOS satellite, at the centre of the mappers, or at the 1-median, F_R = 5 ({@code cost.f_r}), versus
 * constellation size.
 */
public final class ReducePlacementExperiment implements Experiment<ReducePlacementExperiment.Row> {

    static final ReduceSweep.OutputVolume VOLUME = ReduceSweep.OutputVolume.PARTITION;

    /**
     * @param run               the run
     * @param placement         one placement
     * @param totalCostS        mappers → reducer plus reducer → LOS (s)
     * @param reductionVsLosPct 100·(1 − total / LOS placement's total) (%)
     */
    public record Row(ReduceSweep.Run run, ReduceSweep.Placement placement, double totalCostS, double reductionVsLosPct) {
        /** F_R of the run's point ({@code cost.f_r}). */
        double fr() {
            return run.params().fr();
        }
    }

    @Override
    public String name() {
        return "reduce-placement";
    }

    @Override
    public String figure() {
        return "Fig. 7";
    }

    @Override
    public String title() {
        return "Fig. 7 - End-to-end reduce cost, reducer at LOS vs centre (F_R = 5)";
    }

    @Override
    public String paperClaim() {
        return "Centre-of-AOI placement achieves 67-72 % lower reduce cost than LOS placement at F_R = 5.";
    }

    @Override
    public List<Column<Row>> columns() {
        List<Column<Row>> c = new ArrayList<>(ScenarioColumns.of(r -> r.run().scenario()));
        c.add(Column.of("reduction_factor", "F_R: the reducer's output is its input share / F_R", r -> Csv.num(r.fr(), 0)));
        c.add(Column.of("placement", "los, center or median", r -> r.placement().placement().cliName()));
        c.add(Column.of("reducer_sat", "reducer: index in plane", r -> Csv.num(r.placement().reducer().sat())));
        c.add(Column.of("reducer_orb", "reducer: plane", r -> Csv.num(r.placement().reducer().orb())));
        c.add(Column.of("mapper_reducer_mean_hops", "mean hops mapper -> reducer", r -> Csv.num((double) r.placement().mapperHops() / r.run().scenario().k(), 4)));
        c.add(Column.of("mapper_reducer_mean_km", "mean path length mapper -> reducer (km)", r -> Csv.num(r.placement().mapperKm() / r.run().scenario().k(), 3)));
        c.add(Column.of("mapper_reducer_cost_s", "sum of eq. 5 costs mapper -> reducer at V/F_M (s)", r -> Csv.num(r.placement().mapperCostS(), 3)));
        c.add(Column.of("reducer_los_hops", "hops reducer -> LOS", r -> Csv.num(r.placement().losHops())));
        c.add(Column.of("reducer_los_km", "path length reducer -> LOS (km)", r -> Csv.num(r.placement().losKm(), 3)));
        c.add(Column.of("reducer_los_cost_s", "eq. 5 cost of the reducer's output V/(F_M*F_R) to the LOS (s)",
                r -> Csv.num(r.run().losCostS(r.placement(), VOLUME, r.fr()), 3)));
        c.add(Column.of("total_cost_s", "reduce cost: mappers -> reducer + reducer -> LOS (s)", r -> Csv.num(r.totalCostS(), 3)));
        c.add(Column.of("reduction_vs_los_pct", "100*(1 - total / LOS placement's total) (%)", r -> Csv.num(r.reductionVsLosPct(), 4)));
        return c;
    }

    @Override
    public List<Row> rows(ExperimentConfig config, SweepContext context) {
        List<Row> rows = new ArrayList<>();
        for (ReduceSweep.Run run : ReduceSweep.runs(config, context, name())) {
            double fr = run.params().fr();
            double los = run.totalCostS(run.find(ReducerPlacement.LOS), VOLUME, fr);
            for (ReduceSweep.Placement p : run.placements()) {
                double total = run.totalCostS(p, VOLUME, fr);
                rows.add(new Row(run, p, total, Stats.reductionPct(total, los)));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        Map<String, Object> c = ReduceSweep.configuration(scenario);
        c.put("reduction_factor_fr", scenario.cost().reductionFactor());
        c.put("reducer_output_used", VOLUME.cliName());
        c.put("reduction", "100 * (1 - total cost / LOS placement's total cost), per run, averaged over runs");
        return c;
    }

    @Override
    public Map<String, Object> summary(List<Row> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("center_vs_los_reduction_pct", Summaries.meanBy(rows, r -> r.placement().placement() == ReducerPlacement.CENTER,
                r -> r.run().scenario().shell().planes(), Row::reductionVsLosPct, 2));
        s.put("center_vs_los_reduction_ci95_pct", Summaries.ci95By(rows, r -> r.placement().placement() == ReducerPlacement.CENTER,
                r -> r.run().scenario().shell().planes(), Row::reductionVsLosPct, 2));
        s.put("median_vs_los_reduction_pct", Summaries.meanBy(rows, r -> r.placement().placement() == ReducerPlacement.MEDIAN,
                r -> r.run().scenario().shell().planes(), Row::reductionVsLosPct, 2));
        Map<String, Object> cost = new LinkedHashMap<>();
        for (ReducerPlacement p : Summaries.distinct(rows, r -> r.placement().placement())) {
            cost.put(p.cliName(), Summaries.meanBy(rows, r -> r.placement().placement() == p,
                    r -> r.run().scenario().shell().planes(), Row::totalCostS, 1));
        }
        s.put("mean_total_cost_s", cost);
        return s;
    }

    @Override
    public ChartSpec chart(List<Row> rows) {
        List<ChartSpec.Series> series = new ArrayList<>();
        List<ReducerPlacement> placements = Summaries.distinct(rows, r -> r.placement().placement());
        for (int i = 0; i < placements.size(); i++) {
            ReducerPlacement p = placements.get(i);
            series.add(ChartSpec.Series.of(p.cliName(), i, false, rows, r -> r.placement().placement() == p,
                    r -> r.run().scenario().shell().planes(), Row::totalCostS));
        }
        return new ChartSpec(title(), "orbital planes N (N x N shell)", false,
                List.of(new ChartSpec.Panel("total reduce cost, eq. 5 (s, log scale)", true, series)));
    }
}
