package io.spacecomp.experiments;

import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fig. 10: reduce-phase contention, the per-satellite visit counts of mapper → reducer and reducer → LOS
 * traffic with the reducer at the LOS, the centre or the 1-median (bipartite allocation), from the job
 * protocol run in the simulator. Same simulated runs as {@link MapContentionExperiment}.
 */
public final class ReduceContentionExperiment implements Experiment<ContentionRows.Row> {

    @Override
    public String name() {
        return "reduce-contention";
    }

    @Override
    public String figure() {
        return "Fig. 10";
    }

    @Override
    public String title() {
        return "Fig. 10 - Reduce phase contention (visits per satellite, simulated protocol)";
    }

    @Override
    public String paperClaim() {
        return "Centre placement reduces hot-spot formation in the reduce phase.";
    }

    @Override
    public List<Column<ContentionRows.Row>> columns() {
        return ContentionRows.columns("reduce", ContentionSweep.Job::reduce);
    }

    @Override
    public List<ContentionRows.Row> rows(ExperimentConfig config, SweepContext context) {
        List<ContentionRows.Row> rows = new ArrayList<>();
        Compare compare = config.points(name()).get(0).compare();
        String allocator = PaperExperiments.one(compare.allocators(), "compare.allocator", name());
        for (ContentionSweep.Run run : ContentionSweep.runs(config, context, name())) {
            for (String p : compare.reducers()) {
                rows.add(new ContentionRows.Row(run, run.find(allocator, p), p));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        Map<String, Object> c = ContentionSweep.configuration(scenario);
        Compare compare = scenario.compare();
        c.put("compared", "reducer at " + String.join(", ", compare.reducers()) + "; "
                + PaperExperiments.one(compare.allocators(), "compare.allocator", name()) + " allocation");
        return c;
    }

    @Override
    public Map<String, Object> summary(List<ContentionRows.Row> rows) {
        return ContentionRows.summary(rows, Summaries.distinct(rows, ContentionRows.Row::label), ContentionSweep.Job::reduce);
    }

    @Override
    public ChartSpec chart(List<ContentionRows.Row> rows) {
        return ContentionRows.chart(title(), "reduce", rows, Summaries.distinct(rows, ContentionRows.Row::label), ContentionSweep.Job::reduce);
    }
}
