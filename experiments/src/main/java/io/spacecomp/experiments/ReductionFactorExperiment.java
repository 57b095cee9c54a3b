package io.spacecomp.experiments;

import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fig. 8: the reduce-cost improvement of centre (and 1-median) placement over LOS placement as the
 * reduction factor F_R grows, for both readings of the reducer's output volume. Same runs as
 * {@link ReducePlacementExperiment}.
 */
public final class ReductionFactorExperiment implements Experiment<ReductionFactorExperiment.Row> {

    /**
     * @param run              the run
     * @param fr               reduction factor F_R
     * @param volume           which output volume the reducer sends
     * @param losCostS         reduce cost with the reducer at the LOS (s)
     * @param centerCostS      reduce cost with the reducer at the centre (s)
     * @param medianCostS      reduce cost with the reducer at the 1-median (s)
     */
    public record Row(ReduceSweep.Run run, double fr, ReduceSweep.OutputVolume volume, double losCostS,
                      double centerCostS, double medianCostS) {
        double centerReductionPct() {
            return Stats.reductionPct(centerCostS, losCostS);
        }

        double medianReductionPct() {
            return Stats.reductionPct(medianCostS, losCostS);
        }
    }

    @Override
    public String name() {
        return "reduction-factor";
    }

    @Override
    public String figure() {
        return "Fig. 8";
    }

    @Override
    public String title() {
        return "Fig. 8 - Reduce cost improvement (centre vs LOS) vs reduction factor";
    }

    @Override
    public String paperClaim() {
        return "The improvement grows with F_R: about 68 % at F_R = 2, rising to 73-75 %, saturating around F_R = 50.";
    }

    @Override
    public List<Column<Row>> columns() {
        List<Column<Row>> c = new ArrayList<>(ScenarioColumns.of(r -> r.run().scenario()));
        c.add(Column.of("reduction_factor", "F_R", r -> Csv.num(r.fr(), 0)));
        c.add(Column.of("reducer_output", "partition: V/(F_M*F_R) reaches the LOS; total: k*V/(F_M*F_R)", r -> r.volume().cliName()));
        c.add(Column.of("los_cost_s", "reduce cost, reducer at the LOS (s)", r -> Csv.num(r.losCostS(), 3)));
        c.add(Column.of("center_cost_s", "reduce cost, reducer at the centre of the mappers (s)", r -> Csv.num(r.centerCostS(), 3)));
        c.add(Column.of("median_cost_s", "reduce cost, reducer at the 1-median (s)", r -> Csv.num(r.medianCostS(), 3)));
        c.add(Column.of("center_reduction_pct", "100*(1 - centre / LOS) (%)", r -> Csv.num(r.centerReductionPct(), 4)));
        c.add(Column.of("median_reduction_pct", "100*(1 - median / LOS) (%)", r -> Csv.num(r.medianReductionPct(), 4)));
        return c;
    }

    @Override
    public List<Row> rows(ExperimentConfig config, SweepContext context) {
        List<Row> rows = new ArrayList<>();
        List<Double> factors = factors(config.points(name()).get(0));
        for (ReduceSweep.Run run : ReduceSweep.runs(config, context, name())) {
            for (ReduceSweep.OutputVolume v : ReduceSweep.OutputVolume.values()) {
                for (double fr : factors) {
                    rows.add(new Row(run, fr, v, run.totalCostS(run.find(ReducerPlacement.LOS), v, fr),
                            run.totalCostS(run.find(ReducerPlacement.CENTER), v, fr),
                            run.totalCostS(run.find(ReducerPlacement.MEDIAN), v, fr)));
                }
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        Map<String, Object> c = ReduceSweep.configuration(scenario);
        c.put("reduction_factors_fr", factors(scenario));
        return c;
    }

    /** The reduction factors compared: {@code compare.f_r}, else {@code cost.f_r}; every placement is needed. */
    static List<Double> factors(Scenario scenario) {
        for (String p : List.of("center", "median")) {
            PaperExperiments.require(scenario.compare().reducers(), p, "compare.reducer", scenario.experiment());
        }
        List<Double> f = scenario.compare().reductionFactors();
        return f.isEmpty() ? List.of(scenario.cost().reductionFactor()) : f;
    }

    @Override
    public Map<String, Object> summary(List<Row> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (ReduceSweep.OutputVolume v : ReduceSweep.OutputVolume.values()) {
            // {N: {F_R: pct}}
            Map<Integer, Map<Integer, Double>> byN = new TreeMap<>();
            for (double fr : Summaries.distinct(rows, Row::fr)) {
                Map<Integer, Double> perN = Summaries.meanBy(rows, r -> r.volume() == v && r.fr() == fr,
                        r -> r.run().scenario().shell().planes(), Row::centerReductionPct, 2);
                perN.forEach((n, pct) -> byN.computeIfAbsent(n, x -> new TreeMap<>()).put((int) fr, pct));
            }
            s.put("center_vs_los_reduction_pct_" + v.cliName() + "_output", byN);
        }
        Map<Integer, Double> all = new TreeMap<>();
        for (double fr : Summaries.distinct(rows, Row::fr)) {
            double[] xs = rows.stream().filter(r -> r.volume() == ReduceSweep.OutputVolume.PARTITION && r.fr() == fr)
                    .mapToDouble(Row::centerReductionPct).toArray();
            all.put((int) fr, Summaries.round(Stats.mean(xs), 2));
        }
        s.put("center_vs_los_reduction_pct_by_fr_all_sizes", all);
        return s;
    }

    @Override
    public ChartSpec chart(List<Row> rows) {
        List<ChartSpec.Panel> panels = new ArrayList<>();
        List<Integer> planes = rows.stream().map(r -> r.run().scenario().shell().planes()).distinct().sorted().toList();
        for (ReduceSweep.OutputVolume v : ReduceSweep.OutputVolume.values()) {
            List<ChartSpec.Series> series = new ArrayList<>();
            for (int i = 0; i < planes.size(); i++) {
                int n = planes.get(i);
                series.add(ChartSpec.Series.of("N = " + n, i, false, rows,
                        r -> r.volume() == v && r.run().scenario().shell().planes() == n, Row::fr, Row::centerReductionPct));
            }
            String what = v == ReduceSweep.OutputVolume.PARTITION ? "output V/(F_M F_R)" : "output k V/(F_M F_R)";
            panels.add(new ChartSpec.Panel("centre vs LOS cost reduction (%), " + what, false, series));
        }
        return new ChartSpec(title(), "reduction factor F_R (log scale)", true, panels);
    }
}
