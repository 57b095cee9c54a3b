package io.spacecomp.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files of a quick run of every experiment: CSV schema, JSON report, plots. */
class ExperimentSchemaTest {

    /** Columns holding words rather than numbers. */
    private static final Set<String> TEXT = Set.of("pass", "city", "protection", "router", "allocator", "placement",
            "reducer_output", "reducer_placement");

    /** Columns common to every experiment: the inputs that vary from run to run. */
    private static final List<String> SCENARIO = List.of("planes", "sats_per_plane", "satellites", "inclination_deg",
            "altitude_km", "run", "run_seed", "epoch_s", "pass", "aoi_sats", "collectors", "city", "los_sat", "los_orb");

    /** The configuration inputs each experiment varies within a run, and the rows per run they give. */
    private static final Map<String, List<String>> VARIED = Map.of(
            "routing-distance", List.of("protection", "router"),
            "routing-hops", List.of("protection", "router"),
            "map-allocation", List.of("allocator"),
            "map-cost", List.of("allocator"),
            "reduce-placement", List.of("placement"),
            "reduction-factor", List.of("reduction_factor", "reducer_output"),
            "map-contention", List.of("allocator"),
            "reduce-contention", List.of("reducer_placement"));

    private static final Map<String, Integer> ROWS_PER_RUN = Map.of("routing-distance", 4 * 2, "routing-hops", 4 * 2,
            "map-allocation", 3, "map-cost", 3, "reduce-placement", 3, "reduction-factor", 16, "map-contention", 3,
            "reduce-contention", 3);

    static Stream<String> names() {
        return Experiments.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void csvHeaderRowsAndCells(String name) throws Exception {
        ExperimentRunner.Outcome outcome = QuickResults.outcomes().get(name);
        Experiment<?> e = Experiments.byName(name);
        CsvTable t = CsvTable.read(QuickResults.dir().resolve(name + ".csv"));
        assertEquals(e.columns().stream().map(Column::header).toList(), t.header());
        assertEquals(t.header().size(), new HashSet<>(t.header()).size(), "duplicate column");
        for (String h : t.header()) {
            assertTrue(h.matches("[a-z][a-z0-9_]*"), h);
        }
        assertTrue(t.header().containsAll(SCENARIO), t.header().toString());
        assertTrue(t.header().containsAll(VARIED.get(name)), t.header().toString());
        // Units in the names of the physical quantities.
        assertTrue(t.header().stream().anyMatch(h -> h.endsWith("_km") || h.endsWith("_s")), t.header().toString());

        List<Integer> planes = e.quickPlanes();
        int inclinations = name.startsWith("routing") ? 2 : 1;
        int expectedRows = inclinations * planes.size() * ExperimentConfig.QUICK_RUNS * ROWS_PER_RUN.get(name);
        assertEquals(expectedRows, t.rows().size());
        assertEquals(expectedRows, outcome.rows());
        for (List<String> row : t.rows()) {
            assertEquals(t.header().size(), row.size(), row.toString());
            for (int c = 0; c < row.size(); c++) {
                String h = t.header().get(c);
                String v = row.get(c);
                assertFalse(v.isEmpty(), h + " empty in " + row);
                if (!TEXT.contains(h)) {
                    double x = Double.parseDouble(v);
                    assertTrue(Double.isFinite(x), h + " = " + v);
                }
            }
            assertTrue(Set.of("ascending", "descending").contains(t.cell(row, "pass")));
        }
        assertEquals(new TreeSet<>(planes), t.rows().stream().map(r -> Integer.parseInt(t.cell(r, "planes")))
                .collect(Collectors.toCollection(TreeSet::new)));
        // Every run of every size appears, with its own seed.
        Set<String> runs = t.rows().stream().map(r -> t.cell(r, "inclination_deg") + "/" + t.cell(r, "planes") + "/"
                + t.cell(r, "run")).collect(Collectors.toSet());
        assertEquals(inclinations * planes.size() * ExperimentConfig.QUICK_RUNS, runs.size());
        Set<String> seeds = t.rows().stream().map(r -> t.cell(r, "planes") + "/" + t.cell(r, "run_seed")).collect(Collectors.toSet());
        assertEquals(planes.size() * ExperimentConfig.QUICK_RUNS, seeds.size());
    }

    @ParameterizedTest
    @MethodSource("names")
    void jsonReportNamesConfigurationVersionsAndSummary(String name) throws Exception {
        JsonNode json = new ObjectMapper().readTree(QuickResults.dir().resolve(name + ".json").toFile());
        assertEquals(name, json.get("experiment").asText());
        assertEquals(QuickResults.SEED, json.get("seed").asLong());
        assertEquals(ExperimentConfig.QUICK_RUNS, json.get("runs").asInt());
        assertTrue(json.get("quick").asBoolean());
        assertTrue(json.get("configuration").isObject());
        assertTrue(json.get("scenario").isObject());
        // the scenario file as read: the experiment, its sweep and its quick sweep
        assertEquals(name, json.at("/scenario_file/experiment").asText());
        assertEquals(ExperimentConfig.QUICK_RUNS, json.at("/scenario_file/quick/runs").asInt());
        assertTrue(json.at("/scenario_file/sweep/constellation.walker.planes").isArray(), json.get("scenario_file").toString());
        assertTrue(json.at("/versions/spacecomp").asText().matches("\\d+\\.\\d+.*"), json.get("versions").toString());
        assertTrue(json.at("/versions/jfreechart").asText().matches("\\d+\\.\\d+.*"), json.get("versions").toString());
        assertEquals(Experiments.byName(name).columns().size(), json.get("columns").size());
        assertTrue(json.get("summary").isObject() && json.get("summary").size() > 0);
    }

    @org.junit.jupiter.api.Test
    void summariesTheIssueNamesAreMapsFromN() throws Exception {
        ObjectMapper om = new ObjectMapper();
        Map<String, List<String>> keys = Map.of(
                "map-allocation", List.of("improvement_vs_random_pct", "improvement_vs_eager_pct"),
                "reduce-placement", List.of("center_vs_los_reduction_pct"),
                "routing-distance", List.of("distance_reduction_pct"));
        for (Map.Entry<String, List<String>> e : keys.entrySet()) {
            JsonNode summary = om.readTree(QuickResults.dir().resolve(e.getKey() + ".json").toFile()).get("summary");
            for (String k : e.getValue()) {
                JsonNode m = summary.get(k);
                assertTrue(m != null && m.isObject(), e.getKey() + ": " + k);
                Set<String> ns = new TreeSet<>();
                m.fieldNames().forEachRemaining(ns::add);
                assertEquals(Experiments.byName(e.getKey()).quickPlanes().stream().map(String::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new)), ns);
                m.elements().forEachRemaining(v -> assertTrue(v.isNumber()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void plotsArePngAndSvg(String name) throws Exception {
        Path png = QuickResults.dir().resolve(name + ".png");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, head);
        String svg = Files.readString(QuickResults.dir().resolve(name + ".svg"));
        assertTrue(svg.contains("<svg"), name);
        assertNotEquals(-1, svg.indexOf("</svg>"));
    }
}
