package io.spacecomp.experiments;

import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fig. 9: map-phase contention, the per-satellite visit counts of collector → mapper traffic under
 * random, eager and bipartite allocation, from the job protocol run in the simulator.
 */
public final class MapContentionExperiment implements Experiment<ContentionRows.Row> {

    @Override
    public String name() {
        return "map-contention";
    }

    @Override
    public String figure() {
        return "Fig. 9";
    }

    @Override
    public String title() {
        return "Fig. 9 - Map phase contention (visits per satellite, simulated protocol)";
    }

    @Override
    public String paperClaim() {
        return "Bipartite allocation distributes map-phase load more evenly.";
    }

    @Override
    public List<Column<ContentionRows.Row>> columns() {
        return ContentionRows.columns("map", ContentionSweep.Job::map);
    }

    @Override
    public List<ContentionRows.Row> rows(ExperimentConfig config, SweepContext context) {
        List<ContentionRows.Row> rows = new ArrayList<>();
        Compare compare = config.points(name()).get(0).compare();
        String reducer = PaperExperiments.one(compare.reducers(), "compare.reducer", name());
        for (ContentionSweep.Run run : ContentionSweep.runs(config, context, name())) {
            for (String a : compare.allocators()) {
                rows.add(new ContentionRows.Row(run, run.find(a, reducer), a));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        Map<String, Object> c = ContentionSweep.configuration(scenario);
        Compare compare = scenario.compare();
        String reducer = PaperExperiments.one(compare.reducers(), "compare.reducer", name());
        c.put("compared", "allocators " + String.join(", ", compare.allocators()) + "; reducer at the "
                + (reducer.equals("center") ? "centre" : reducer));
        return c;
    }

    @Override
    public Map<String, Object> summary(List<ContentionRows.Row> rows) {
        return ContentionRows.summary(rows, Summaries.distinct(rows, ContentionRows.Row::label), ContentionSweep.Job::map);
    }

    @Override
    public ChartSpec chart(List<ContentionRows.Row> rows) {
        return ContentionRows.chart(title(), "map", rows, Summaries.distinct(rows, ContentionRows.Row::label), ContentionSweep.Job::map);
    }
}
