package io.spacecomp.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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
     * @param name    experiment name
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

    /** Runs {@code experiment} with {@code config} and writes its four files into {@code outDir}. */
    public static <R> Outcome run(Experiment<R> experiment, ExperimentConfig config, Path outDir, SweepContext context) {
        List<R> rows = experiment.rows(config, context);
        Map<String, Object> report = report(experiment, config, rows);
        try {
            Files.createDirectories(outDir);
            Path csv = outDir.resolve(experiment.name() + ".csv");
            Path png = outDir.resolve(experiment.name() + ".png");
            Path svg = outDir.resolve(experiment.name() + ".svg");
            Path json = outDir.resolve(experiment.name() + ".json");
            Files.writeString(csv, Csv.write(experiment.columns(), rows), StandardCharsets.UTF_8);
            Plots.write(experiment.chart(rows), png, svg);
            Files.writeString(json, toJson(report) + "\n", StandardCharsets.UTF_8);
            return new Outcome(experiment.name(), rows.size(), report, List.of(csv, png, svg, json));
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
        r.put("planes", experiment.planes(config));
        r.put("quick", config.quick());
        r.put("run_seeds", "derived from (seed, scenario family, N, run) with SplitMix64 mixing; independent of threads");
        r.put("versions", versions());
        r.put("scenario", scenario());
        r.put("configuration", experiment.configuration());
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

    /** The job set-up every experiment shares (SPEC §9). */
    static Map<String, Object> scenario() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("shell", "Walker-Delta N x N, F = 0, 530 km, 87 deg unless the configuration says otherwise, Earth radius 6371 km");
        s.put("geometry", "analytic circular orbits (orbit-model CircularOrbitGeometry), Greenwich angle 0 at the constellation epoch");
        s.put("epoch", "uniform in one sidereal day (" + JobScenario.SIDEREAL_DAY_S + " s), redrawn until >= 2 AOI satellites");
        s.put("aoi", JobScenario.AOI);
        s.put("pass", "ascending satellites only on even runs, descending only on odd runs");
        s.put("collectors", "k = max(1, floor(aoi_sats / " + JobScenario.FRACTION_DENOMINATOR + ")) drawn at random; "
                + "candidate mappers: another k, disjoint");
        s.put("los", "highest satellite above " + JobScenario.MIN_ELEVATION_DEG + " deg seen from a city drawn uniformly from the "
                + "shipped GeoNames cities of more than " + JobScenario.MIN_CITY_POPULATION + " people (redrawn if none is seen)");
        return s;
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
