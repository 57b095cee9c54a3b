package io.spacecomp.experiments;

import io.spacecomp.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Fig. 4: mean hop count of a job's message paths versus constellation size, per router, with and
 * without polar protection, at 53° and 87°: the distance-aware router must not add hops. Same sweep and
 * scenarios as {@link RoutingDistanceExperiment}.
 */
public final class RoutingHopsExperiment implements Experiment<RoutingHopsExperiment.Row> {

    /**
     * @param run          the run
     * @param figures      one router's figures in it
     * @param hopsVsManhattan mean hops minus Manhattan's mean hops, same run and protection
     */
    public record Row(RoutingSweep.Run run, RoutingSweep.RouterFigures figures, double hopsVsManhattan) {
    }

    @Override
    public String name() {
        return "routing-hops";
    }

    @Override
    public String figure() {
        return "Fig. 4";
    }

    @Override
    public String title() {
        return "Fig. 4 - Hop count vs constellation size (job message paths)";
    }

    @Override
    public String paperClaim() {
        return "Distance optimisation preserves the hop count.";
    }

    @Override
    public List<Column<Row>> columns() {
        List<Column<Row>> c = new ArrayList<>(ScenarioColumns.of(r -> r.run().scenario()));
        c.add(Column.of("reducer_sat", "reducer (centre of the mappers): index in plane", r -> Csv.num(r.run().reducer().sat())));
        c.add(Column.of("reducer_orb", "reducer (centre of the mappers): plane", r -> Csv.num(r.run().reducer().orb())));
        c.add(Column.of("protection", "polar protection: off or on", r -> r.figures().protectedRoutes() ? "on" : "off"));
        c.add(Column.of("router", "manhattan, distance-aware, optimal or shortest", r -> r.figures().router()));
        c.add(Column.of("paths", "message paths routed", r -> Csv.num(r.figures().paths())));
        c.add(Column.of("mean_hops", "mean hop count over all the job's paths", r -> Csv.num(r.figures().meanHops(), 4)));
        c.add(Column.of("aoi_mean_hops", "mean hops of the map and reduce paths", r -> Csv.num(r.figures().aoiMeanHops(), 4)));
        c.add(Column.of("los_mean_hops", "mean hops of the collect and result paths", r -> Csv.num(r.figures().losMeanHops(), 4)));
        c.add(Column.of("max_hops", "longest path (hops)", r -> Csv.num(r.figures().maxHops())));
        c.add(Column.of("hops_vs_manhattan", "mean hops minus Manhattan's mean hops, same run and protection", r -> Csv.num(r.hopsVsManhattan(), 4)));
        return c;
    }

    @Override
    public List<Row> rows(ExperimentConfig config, SweepContext context) {
        List<Row> rows = new ArrayList<>();
        for (RoutingSweep.Run run : RoutingSweep.runs(config, context, name())) {
            for (RoutingSweep.RouterFigures f : run.figures()) {
                double base = run.find(f.protectedRoutes(), "manhattan").meanHops();
                rows.add(new Row(run, f, f.meanHops() - base));
            }
        }
        return rows;
    }

    @Override
    public Map<String, Object> configuration(Scenario scenario) {
        return new RoutingDistanceExperiment().configuration(scenario);
    }

    @Override
    public Map<String, Object> summary(List<Row> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Double> inclinations = Summaries.distinct(rows, r -> r.run().scenario().shell().inclinationDeg());
        List<Boolean> protections = Summaries.distinct(rows, r -> r.figures().protectedRoutes());
        double headline = inclinations.get(inclinations.size() - 1);
        s.put("hop_change", change(rows, headline, protections.get(0), "distance-aware"));
        s.put("mean_hops_manhattan", Summaries.meanBy(rows, r -> matches(r, headline, protections.get(0), "manhattan"),
                r -> r.run().scenario().shell().planes(), r -> r.figures().meanHops(), 3));
        Map<String, Object> by = new LinkedHashMap<>();
        for (double inc : inclinations) {
            for (boolean prot : protections) {
                Map<String, Object> routers = new LinkedHashMap<>();
                for (String router : Summaries.distinct(rows, r -> r.figures().router())) {
                    if (!router.equals("manhattan")) {
                        routers.put(router, change(rows, inc, prot, router));
                    }
                }
                by.put(RoutingSweep.configLabel(inc, prot), routers);
            }
        }
        s.put("hop_change_by_configuration", by);
        return s;
    }

    private static Map<Integer, Double> change(List<Row> rows, double inc, boolean prot, String router) {
        return Summaries.meanBy(rows, r -> matches(r, inc, prot, router), r -> r.run().scenario().shell().planes(),
                Row::hopsVsManhattan, 4);
    }

    private static boolean matches(Row r, double inc, boolean prot, String router) {
        return r.run().scenario().shell().inclinationDeg() == inc && r.figures().protectedRoutes() == prot
                && r.figures().router().equals(router);
    }

    @Override
    public ChartSpec chart(List<Row> rows) {
        return routingChart(title(), "mean hops per path", rows, Row::run, Row::figures, r -> r.figures().meanHops());
    }

    /** One panel per inclination; a colour per router, dashed with polar protection; x = satellites. */
    static <R> ChartSpec routingChart(String title, String yLabel, List<R> rows, Function<R, RoutingSweep.Run> run,
                                      Function<R, RoutingSweep.RouterFigures> figures, ToDoubleFunction<R> y) {
        List<ChartSpec.Panel> panels = new ArrayList<>();
        List<String> routers = Summaries.distinct(rows, r -> figures.apply(r).router());
        for (double inc : Summaries.distinct(rows, r -> run.apply(r).scenario().shell().inclinationDeg())) {
            List<ChartSpec.Series> series = new ArrayList<>();
            for (boolean prot : Summaries.distinct(rows, r -> figures.apply(r).protectedRoutes())) {
                for (int i = 0; i < routers.size(); i++) {
                    String router = routers.get(i);
                    series.add(ChartSpec.Series.of(router + (prot ? ", protected" : ""), i, prot, rows,
                            r -> run.apply(r).scenario().shell().inclinationDeg() == inc
                                    && figures.apply(r).protectedRoutes() == prot && figures.apply(r).router().equals(router),
                            r -> run.apply(r).scenario().shell().size(), y));
                }
            }
            panels.add(new ChartSpec.Panel(yLabel + ", i = " + Math.round(inc) + " deg", false, series));
        }
        return new ChartSpec(title, "constellation size (satellites, N x N)", false, panels);
    }
}
