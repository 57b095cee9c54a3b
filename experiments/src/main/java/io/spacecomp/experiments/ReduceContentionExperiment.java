package io.spacecomp.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fig. 10: reduce-phase contention, the per-satellite visit counts of mapper → reducer and reducer → LOS
 * traffic with the reducer at the LOS, the centre or the 1-median (bipartite allocation), from the job
 * protocol run in the simulator. Same simulated runs as {@link MapContentionExperiment}.
 */
public final class ReduceContentionExperiment implements Experiment<ContentionRows.Row> {

    static final List<String> PLACEMENTS = List.of("los", "center", "median");

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
    public List<Integer> defaultPlanes() {
        return ContentionSweep.DEFAULT_PLANES;
    }

    @Override
    public List<Integer> quickPlanes() {
        return ContentionSweep.QUICK_PLANES;
    }

    @Override
    public List<Column<ContentionRows.Row>> columns() {
        return ContentionRows.columns("reduce", ContentionSweep.Job::reduce);
    }

    @Override
    public List<ContentionRows.Row> rows(ExperimentConfig config, SweepContext context) {
        List<ContentionRows.Row> rows = new ArrayList<>();
        for (ContentionSweep.Run run : ContentionSweep.runs(config, context)) {
            for (String p : PLACEMENTS) {
                rows.add(new ContentionRows.Row(run, run.find("bipartite", p), p));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration() {
        Map<String, Object> c = ContentionSweep.configuration();
        c.put("compared", "reducer at los, center, median; bipartite allocation");
        return c;
    }

    @Override
    public Map<String, Object> summary(List<ContentionRows.Row> rows) {
        return ContentionRows.summary(rows, PLACEMENTS, ContentionSweep.Job::reduce);
    }

    @Override
    public ChartSpec chart(List<ContentionRows.Row> rows) {
        return ContentionRows.chart(title(), "reduce", rows, PLACEMENTS, ContentionSweep.Job::reduce);
    }
}
