package io.spacecomp.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.scenario.Amount;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.StationSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs an experiment and writes {@code NAME.csv}, {@code NAME.png}, {@code NAME.svg} and {@code NAME.json}
 * into an output directory. Nothing written depends on the wall clock or the thread count.
 */
public final class ExperimentRunner {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentRunner() {
    }

    /**
     * What a run produced.
     *
     * @param name    the files' name: the scenario file's {@code name} (for the paper's files, the experiment's)
     * @param rows    CSV rows written
     * @param report  the JSON document (configuration, versions, summary)
     * @param files   files written
     */
    public record Outcome(String name, int rows, Map<String, Object> report, List<Path> files) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> summary() {
            return (Map<String, Object>) report.get("summary");
        }
    }

    /**
     * Runs {@code experiment} with {@code config} and writes its four files into {@code outDir}, named by the
     * scenario file's {@code name} (the experiment's name for the paper's files).
     */
    public static <R> Outcome run(Experiment<R> experiment, ExperimentConfig config, Path outDir, SweepContext context) {
        List<R> rows = experiment.rows(config, context);
        Map<String, Object> report = report(experiment, config, rows);
        String name = config.scenarioFile(experiment.name()).base().name();
        try {
            Files.createDirectories(outDir);
            Path csv = outDir.resolve(name + ".csv");
            Path png = outDir.resolve(name + ".png");
            Path svg = outDir.resolve(name + ".svg");
            Path json = outDir.resolve(name + ".json");
            Files.writeString(csv, Csv.write(experiment.columns(), rows), StandardCharsets.UTF_8);
            Plots.write(experiment.chart(rows), png, svg);
            Files.writeString(json, toJson(report) + "\n", StandardCharsets.UTF_8);
            return new Outcome(name, rows.size(), report, List.of(csv, png, svg, json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + experiment.name() + " to " + outDir, e);
        }
    }

    static <R> Map<String, Object> report(Experiment<R> experiment, ExperimentConfig config, List<R> rows) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("experiment", experiment.name());
        r.put("figure", experiment.figure());
        r.put("title", experiment.title());
        r.put("paper_claim", experiment.paperClaim());
        r.put("seed", config.seed());
        r.put("runs", config.runs());
        List<Scenario> points = config.points(experiment.name());
        r.put("planes", experiment.planes(config));
        r.put("quick", config.quick());
        r.put("run_seeds", "derived from (seed, scenario family, N, run) with SplitMix64 mixing; independent of threads");
        r.put("versions", versions());
        r.put("scenario", scenario(points.get(0)));
        r.put("scenario_file", config.scenarioFile(experiment.name()).base().tree());
        r.put("configuration", experiment.configuration(points.get(0)));
        List<Map<String, String>> columns = new ArrayList<>();
        for (Column<R> c : experiment.columns()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", c.header());
            m.put("description", c.description());
            columns.add(m);
        }
        r.put("columns", columns);
        r.put("rows", rows.size());
        r.put("summary", experiment.summary(rows));
        return r;
    }

    /** The job set-up every experiment shares (SPEC §9), as {@code scenario} gives it. */
    static Map<String, Object> scenario(Scenario scenario) {
        WalkerShell shell = PaperExperiments.walker(scenario, scenario.experiment());
        DrawRules rules = DrawRules.of(scenario);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("shell", "Walker-Delta N x " + (shell.planes() == shell.satsPerPlane() ? "N" : "M") + ", F = " + shell.phasing()
                + ", " + fmt(shell.altitudeKm()) + " km, " + fmt(shell.inclinationDeg())
                + " deg unless the configuration says otherwise, Earth radius " + fmt(shell.earthRadiusKm()) + " km");
        s.put("geometry", "analytic circular orbits (orbit-model CircularOrbitGeometry), Greenwich angle 0 at the constellation epoch");
        s.put("epoch", rules.epochS() == null
                ? "uniform in one sidereal day (" + JobScenario.SIDEREAL_DAY_S + " s), redrawn until >= 2 AOI satellites"
                : "fixed at " + rules.epochS() + " s");
        s.put("aoi", rules.aoi().box());
        s.put("pass", switch (rules.aoi().pass()) {
            case ALTERNATE -> "ascending satellites only on even runs, descending only on odd runs";
            case ASCENDING -> "ascending satellites only";
            case DESCENDING -> "descending satellites only";
            case ANY -> "every satellite over the AOI";
        });
        s.put("collectors", "k = " + collectors(rules.collectors()) + " drawn at random; candidate mappers: another k, disjoint");
        String from;
        if (rules.stations().pool() instanceof StationSpec.Pool.Cities c) {
            from = "a city drawn uniformly from the shipped GeoNames cities of more than " + c.minPopulation() + " people";
        } else {
            from = "a station drawn uniformly from the " + ((StationSpec.Pool.Listed) rules.stations().pool()).stations().size()
                    + " listed stations (each with its own mask)";
        }
        s.put("los", "highest satellite above " + rules.stations().minElevationDeg() + " deg seen from " + from
                + " (redrawn if none is seen)");
        return s;
    }

    /** {@code max(1, floor(aoi_sats / 5))} for the paper's 0.2. */
    private static String collectors(Amount a) {
        if (a instanceof Amount.Fraction f) {
            double d = 1.0 / f.fraction();
            return d == Math.rint(d) ? "max(1, floor(aoi_sats / " + (long) d + "))" : "max(1, floor(" + a.text() + " * aoi_sats))";
        }
        return a.text();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = ExperimentRunner.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String k : List.of("spacecomp", "orekit", "hipparchus", "ssj", "jfreechart", "jfreesvg")) {
            v.put(k, p.getProperty(k, "unknown"));
        }
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
