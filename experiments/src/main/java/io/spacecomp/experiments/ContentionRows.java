package io.spacecomp.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Columns, summaries and charts shared by the two contention figures; {@code phase} picks the load shown. */
final class ContentionRows {

    /**
     * @param run   the run
     * @param job   one strategy's simulated job
     * @param label the strategy as the figure names it (an allocator, or a reducer placement)
     */
    record Row(ContentionSweep.Run run, ContentionSweep.Job job, String label) {
    }

    private ContentionRows() {
    }

    static List<Column<Row>> columns(String phase, Function<ContentionSweep.Job, PhaseVisits.Load> load) {
        List<Column<Row>> c = new ArrayList<>(ScenarioColumns.of(r -> r.run().scenario()));
        c.add(Column.of("allocator", "random, eager or bipartite", r -> r.job().strategy().allocator()));
        c.add(Column.of("reducer_placement", "los, center or median", r -> r.job().strategy().reducer()));
        c.add(Column.of("reducer_sat", "reducer: index in plane", r -> Csv.num(r.job().reducer().sat())));
        c.add(Column.of("reducer_orb", "reducer: plane", r -> Csv.num(r.job().reducer().orb())));
        c.add(Column.of(phase + "_messages", phase + "-phase messages", r -> Csv.num(load.apply(r.job()).messages())));
        c.add(Column.of(phase + "_visits", "visits of all satellites in the " + phase + " phase", r -> Csv.num(load.apply(r.job()).visits())));
        c.add(Column.of(phase + "_touched_sats", "satellites visited in the " + phase + " phase", r -> Csv.num(load.apply(r.job()).touched())));
        c.add(Column.of(phase + "_max_visits", "visits of the busiest satellite in the " + phase + " phase", r -> Csv.num(load.apply(r.job()).maxVisits())));
        c.add(Column.of(phase + "_max_relay_visits", "messages forwarded by the busiest relay satellite (neither sender nor receiver)", r -> Csv.num(load.apply(r.job()).maxRelayVisits())));
        c.add(Column.of(phase + "_cv", "coefficient of variation of the touched satellites' visits", r -> Csv.num(load.apply(r.job()).cvTouched(), 4)));
        c.add(Column.of(phase + "_top5_share_pct", "share of the phase's visits at its 5 busiest satellites (%)", r -> Csv.num(load.apply(r.job()).top5SharePct(), 3)));
        c.add(Column.of("job_time_s", "simulated job time, acceptance to completion (virtual s)", r -> Csv.num(r.job().jobTimeS(), 6)));
        c.add(Column.of("result_words", "words in the reduced word count (equal for every strategy)", r -> Csv.num(r.job().resultWords())));
        c.add(Column.of("events", "simulator events", r -> Csv.num(r.job().events())));
        return c;
    }

    static Map<String, Object> summary(List<Row> rows, List<String> labels, Function<ContentionSweep.Job, PhaseVisits.Load> load) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mean_max_visits", byLabel(rows, labels, r -> (double) load.apply(r.job()).maxVisits(), 2));
        s.put("mean_max_relay_visits", byLabel(rows, labels, r -> (double) load.apply(r.job()).maxRelayVisits(), 2));
        s.put("mean_visits", byLabel(rows, labels, r -> (double) load.apply(r.job()).visits(), 1));
        s.put("mean_touched_sats", byLabel(rows, labels, r -> (double) load.apply(r.job()).touched(), 1));
        s.put("mean_cv", byLabel(rows, labels, r -> load.apply(r.job()).cvTouched(), 3));
        s.put("mean_top5_share_pct", byLabel(rows, labels, r -> load.apply(r.job()).top5SharePct(), 2));
        return s;
    }

    private static Map<String, Object> byLabel(List<Row> rows, List<String> labels,
                                               java.util.function.ToDoubleFunction<Row> value, int decimals) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String l : labels) {
            m.put(l, Summaries.meanBy(rows, r -> r.label().equals(l), r -> r.run().scenario().shell().planes(), value, decimals));
        }
        return m;
    }

    static ChartSpec chart(String title, String phase, List<Row> rows, List<String> labels,
                           Function<ContentionSweep.Job, PhaseVisits.Load> load) {
        List<ChartSpec.Series> max = new ArrayList<>();
        List<ChartSpec.Series> total = new ArrayList<>();
        List<ChartSpec.Series> relay = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            max.add(ChartSpec.Series.of(l, i, false, rows, r -> r.label().equals(l), r -> r.run().scenario().shell().planes(),
                    r -> load.apply(r.job()).maxVisits()));
            total.add(ChartSpec.Series.of(l, i, false, rows, r -> r.label().equals(l), r -> r.run().scenario().shell().planes(),
                    r -> load.apply(r.job()).visits()));
            relay.add(ChartSpec.Series.of(l, i, false, rows, r -> r.label().equals(l), r -> r.run().scenario().shell().planes(),
                    r -> load.apply(r.job()).maxRelayVisits()));
        }
        return new ChartSpec(title, "orbital planes N (N x N shell)", false, List.of(
                new ChartSpec.Panel("busiest satellite's visits (" + phase + " phase)", false, max),
                new ChartSpec.Panel("busiest relay's forwarded messages (" + phase + " phase)", false, relay),
                new ChartSpec.Panel("all visits (" + phase + " phase)", false, total)));
    }
}
