package io.spacecomp.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fig. 9: map-phase contention, the per-satellite visit counts of collector → mapper traffic under
 * random, eager and bipartite allocation, from the job protocol run in the simulator.
 */
public final class MapContentionExperiment implements Experiment<ContentionRows.Row> {

    static final List<String> ALLOCATORS = List.of("random", "eager", "bipartite");

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
    public List<Integer> defaultPlanes() {
        return ContentionSweep.DEFAULT_PLANES;
    }

    @Override
    public List<Integer> quickPlanes() {
        return ContentionSweep.QUICK_PLANES;
    }

    @Override
    public List<Column<ContentionRows.Row>> columns() {
        return ContentionRows.columns("map", ContentionSweep.Job::map);
    }

    @Override
    public List<ContentionRows.Row> rows(ExperimentConfig config, SweepContext context) {
        List<ContentionRows.Row> rows = new ArrayList<>();
        for (ContentionSweep.Run run : ContentionSweep.runs(config, context)) {
            for (String a : ALLOCATORS) {
                rows.add(new ContentionRows.Row(run, run.find(a, "center"), a));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration() {
        Map<String, Object> c = ContentionSweep.configuration();
        c.put("compared", "allocators random, eager, bipartite; reducer at the centre");
        return c;
    }

    @Override
    public Map<String, Object> summary(List<ContentionRows.Row> rows) {
        return ContentionRows.summary(rows, ALLOCATORS, ContentionSweep.Job::map);
    }

    @Override
    public ChartSpec chart(List<ContentionRows.Row> rows) {
        return ContentionRows.chart(title(), "map", rows, ALLOCATORS, ContentionSweep.Job::map);
    }
}
