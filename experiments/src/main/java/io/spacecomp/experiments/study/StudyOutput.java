package io.spacecomp.experiments.study;

import io.spacecomp.experiments.Column;
import io.spacecomp.experiments.Csv;
import io.spacecomp.experiments.ExperimentRunner;
import io.spacecomp.experiments.Stats;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.SweepAxis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a study's results: for each {@link StudyMetric}, {@code NAME-METRIC.csv} (one row per run and
 * strategy), {@code .json} (the scenario file, the columns and per-strategy means with 95 % confidence
 * half-widths per point) and {@code .png}/{@code .svg} (the strategies over the sweep axis with 95 %
 * confidence bars, or side by side when nothing is swept). Nothing written reads the clock.
 */
public final class StudyOutput {

    private StudyOutput() {
    }

    /** One row of a metric's CSV: a strategy's job in a run. */
    record Row(StudyRun run, StudyJob job) {
    }

    /**
     * A strategy's figure at one point.
     *
     * @param axis  the point's axis value (NaN without a sweep)
     * @param n     runs with a value
     * @param mean  mean over those runs
     * @param ci95  95 % confidence half-width (Student's t)
     */
    public record PointStats(double axis, int n, double mean, double ci95) {
    }

    /** Writes every metric's four files into {@code outDir}; returns the files, in metric order. */
    public static List<Path> write(ScenarioFile file, Study.Options options, List<StudyRun> runs, Path outDir) {
        Scenario base = file.base();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            List<Row> rows = rows(runs);
            for (StudyMetric m : StudyMetric.values()) {
                String stem = base.name() + "-" + m.fileName();
                Path csv = outDir.resolve(stem + ".csv");
                Path json = outDir.resolve(stem + ".json");
                Path png = outDir.resolve(stem + ".png");
                Path svg = outDir.resolve(stem + ".svg");
                Files.writeString(csv, Csv.write(columns(base, m), rows), StandardCharsets.UTF_8);
                Map<String, List<PointStats>> stats = stats(base, runs, m);
                Files.writeString(json, ExperimentRunner.toJson(report(file, options, m, runs, stats)) + "\n", StandardCharsets.UTF_8);
                StudyPlots.write(base, m, stats, png, svg);
                written.addAll(List.of(csv, png, svg, json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study's results to " + outDir, e);
        }
        return written;
    }

    private static List<Row> rows(List<StudyRun> runs) {
        List<Row> rows = new ArrayList<>();
        for (StudyRun r : runs) {
            for (StudyJob j : r.jobs()) {
                rows.add(new Row(r, j));
            }
        }
        return rows;
    }

    static List<Column<Row>> columns(Scenario base, StudyMetric metric) {
        List<Column<Row>> c = new ArrayList<>();
        SweepAxis axis = base.sweep();
        c.add(Column.of("point", "sweep point, 0-based", r -> Csv.num(r.run().point().index())));
        if (axis != null) {
            c.add(Column.of(axis.name(), "the swept key's value", r -> Csv.num(r.run().point().axisValue(), 6)));
        }
        c.add(Column.of("planes", "orbital planes", r -> Csv.num(r.run().scenario().shell().planes())));
        c.add(Column.of("sats_per_plane", "satellites per plane", r -> Csv.num(r.run().scenario().shell().satsPerPlane())));
        c.add(Column.of("inclination_deg", "inclination (degrees)", r -> Csv.num(r.run().scenario().shell().inclinationDeg(), 3)));
        c.add(Column.of("altitude_km", "altitude (km)", r -> Csv.num(r.run().scenario().shell().altitudeKm(), 3)));
        c.add(Column.of("run", "run index, 0-based", r -> Csv.num(r.run().scenario().run())));
        c.add(Column.of("run_seed", "the run's seed, derived from (seed, point, run)", r -> Long.toString(r.run().scenario().runSeed())));
        c.add(Column.of("epoch_s", "the job's time, s since the constellation epoch", r -> Csv.num(r.run().scenario().epochS(), 3)));
        c.add(Column.of("pass", "satellites of the AOI used", r -> r.run().scenario().pass().name().toLowerCase(Locale.ROOT)));
        c.add(Column.of("aoi_sats", "satellites of that pass over the AOI", r -> Csv.num(r.run().scenario().aoiSats())));
        c.add(Column.of("collectors", "collectors k (= candidate mappers)", r -> Csv.num(r.run().scenario().k())));
        c.add(Column.of("station", "the submitting ground station", r -> r.run().scenario().stationName()));
        c.add(Column.of("los", "its line-of-sight satellite sat,orb", r -> r.run().scenario().los().sat() + "," + r.run().scenario().los().orb()));
        c.add(Column.of("allocator", "map allocator", r -> r.job().strategy().allocator()));
        c.add(Column.of("reducer", "reducer placement", r -> r.job().strategy().reducer()));
        c.add(Column.of("router", "router", r -> r.job().strategy().router()));
        c.add(Column.of("reducer_sat", "where the reducer went, sat,orb", r -> r.job().reducer() == null ? ""
                : r.job().reducer().sat() + "," + r.job().reducer().orb()));
        c.add(Column.of("done", "whether the simulated job completed", r -> Boolean.toString(r.job().done())));
        c.add(Column.of(metric.column(), metric.description(), r -> Double.isNaN(r.job().value(metric)) ? ""
                : Csv.num(r.job().value(metric), 6)));
        return c;
    }

    /** Per strategy (label), per point: n, mean and 95 % half-width of the runs' values. */
    public static Map<String, List<PointStats>> stats(Scenario base, List<StudyRun> runs, StudyMetric m) {
        Map<String, List<PointStats>> out = new LinkedHashMap<>();
        List<Integer> points = new ArrayList<>();
        for (StudyRun r : runs) {
            if (!points.contains(r.point().index())) {
                points.add(r.point().index());
            }
        }
        for (Compare.Strategy st : base.compare().strategies()) {
            List<PointStats> list = new ArrayList<>();
            for (int p : points) {
                List<Double> values = new ArrayList<>();
                double axis = Double.NaN;
                for (StudyRun r : runs) {
                    if (r.point().index() == p) {
                        axis = r.point().axisValue();
                        double v = r.job(st).value(m);
                        if (!Double.isNaN(v)) {
                            values.add(v);
                        }
                    }
                }
                double[] xs = values.stream().mapToDouble(Double::doubleValue).toArray();
                list.add(new PointStats(axis, xs.length, xs.length == 0 ? Double.NaN : Stats.mean(xs), Stats.ci95(xs)));
            }
            out.put(st.label(), list);
        }
        return out;
    }

    private static Map<String, Object> report(ScenarioFile file, Study.Options options, StudyMetric m, List<StudyRun> runs,
                                              Map<String, List<PointStats>> stats) {
        Scenario base = file.base();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("study", base.name());
        r.put("description", base.description());
        r.put("metric", m.column());
        r.put("unit", m.unit());
        r.put("definition", m.description());
        r.put("seed", options.seedOf(file));
        r.put("runs", options.runsOf(file));
        r.put("quick", options.quick());
        r.put("constellation", base.constellation().label());
        r.put("sweep", base.sweep() == null ? null : base.sweep().keys());
        r.put("strategies", base.compare().strategies().stream().map(Compare.Strategy::label).toList());
        r.put("run_seeds", "derived from (seed, sweep point, run) with SplitMix64 mixing; every strategy runs on the same draw");
        r.put("versions", ExperimentRunner.versions());
        r.put("scenario", base.tree());
        long failed = runs.stream().flatMap(x -> x.jobs().stream()).filter(j -> !j.done()).count();
        r.put("jobs", runs.size() * base.compare().strategies().size());
        r.put("jobs_failed", failed);
        Map<String, Object> summary = new LinkedHashMap<>();
        stats.forEach((label, list) -> {
            List<Map<String, Object>> points = new ArrayList<>();
            for (PointStats p : list) {
                Map<String, Object> e = new LinkedHashMap<>();
                if (!Double.isNaN(p.axis())) {
                    e.put("axis", p.axis());
                }
                e.put("n", p.n());
                e.put("mean", round(p.mean()));
                e.put("ci95", round(p.ci95()));
                points.add(e);
            }
            summary.put(label, points);
        });
        r.put("summary", summary);
        return r;
    }

    private static Double round(double x) {
        if (Double.isNaN(x)) {
            return null;
        }
        return Double.valueOf(Csv.num(x, 6));
    }
}
