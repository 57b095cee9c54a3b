package io.spacecomp.scenario;

import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.CostKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioReaderTest {

    private static final String BASE = String.join("\n",
            "name: t",
            "constellation:",
            "  walker:",
            "    planes: 24",
            "    sats: 24",
            "    inclination_deg: 53",
            "    altitude_km: 550",
            "");

    private static ScenarioFile parse(String yaml) {
        return ScenarioReader.parse(yaml, "t.yaml", null, "t");
    }

    private static ScenarioException fails(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml));
    }

    @Test
    void minimalFileTakesThePapersDefaults() {
        Scenario s = parse(BASE).base();
        assertEquals("t", s.name());
        assertEquals(1, s.seed());
        assertEquals(20, s.runs());
        assertEquals(new ConstellationSpec.Walker(new WalkerShell(24, 24, 0, 53, 550, 6371)), s.constellation());
        assertEquals(AreaSpec.PAPER, s.aoi());
        assertEquals(StationSpec.PAPER, s.groundStations());
        assertEquals(CostSpec.PAPER, s.cost());
        assertEquals(new Amount.Fraction(0.2), s.job().collectors());
        assertEquals(TaskNames.WORD_COUNT, s.job().tasks());
        assertEquals("corpus.txt", s.job().data().get("filename").asText());
        assertEquals(List.of("bipartite"), s.compare().allocators());
        assertEquals(CostKind.EQ5, s.compare().costKind());
        assertNull(s.sweep());
        assertEquals(1, parse(BASE).points().size());
        assertTrue(s.isStudy());
    }

    @Test
    void inclinationOutOfRangeNamesKeyRangeAndLine() {
        ScenarioException e = fails(BASE.replace("inclination_deg: 53", "inclination_deg: 200"));
        assertEquals("t.yaml:6: constellation.walker.inclination_deg: 200 is not in [0, 180]", e.getMessage());
        assertEquals("constellation.walker.inclination_deg", e.keyPath());
        assertEquals(6, e.line());
    }

    @Test
    void unknownKeyIsAnErrorNotADefault() {
        ScenarioException e = fails(BASE.replace("inclination_deg: 53", "inclinaton_deg: 53"));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("constellation.walker.inclinaton_deg: unknown key (allowed here: planes, sats, "
                + "inclination_deg, altitude_km, phasing)"), e.getMessage());
        ScenarioException top = fails(BASE + "seeds: 3\n");
        assertEquals("seeds", top.keyPath());
        assertEquals(8, top.line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "runs: 0|runs|0 is not in [1, 1000]",
            "runs: many|runs|'many' is not an integer in [1, 1000]",
            "seed: 1.5|seed|1.5 is not a 64-bit integer",
            "experiment: fig11|experiment|'fig11' is not one of study, routing-distance",
            "aoi: {lat_min: 50, lat_max: 40, lon_min: 0, lon_max: 10}|aoi.lat_max|40 must be greater than lat_min 50",
            "aoi: {lat_min: 10, lat_max: 40, lon_min: 0, lon_max: 10, pass: up}|aoi.pass|'up' is not one of ascending, descending, alternate, any",
            "aoi: {lat_min: -95, lat_max: 40, lon_min: 0, lon_max: 10}|aoi.lat_min|-95 is not in [-90, 90]",
            "job: {collectors: 0.7}|job.collectors|0.7 is not a fraction in (0, 0.5]",
            "job: {collectors: 0}|job.collectors|0 is not in [1, 10000]",
            "job: {collectors: 0.2, mappers: 0.3}|job.mappers|0.3 differs from collectors 0.2",
            "job: {tasks: {mapp: x}}|job.tasks.mapp|unknown key",
            "job: {data: corpus.txt}|job.data|expected a mapping",
            "compare: {allocator: [random, hungry]}|compare.allocator[1]|'hungry' is not one of random, eager, hungarian, bipartite, lapjv",
            "compare: {allocator: [random, random]}|compare.allocator[1]|'random' is listed twice",
            "compare: {router: []}|compare.router|an empty list",
            "cost: {bandwidth_hz: -1}|cost.bandwidth_hz|-1 is not in [1, 1000000000000000]",
            "ground_stations: towns|ground_stations|'towns' is not one of cities",
            "ground_stations: [{name: A, lat: 91, lon: 0}]|ground_stations[0].lat|91 is not in [-90, 90]",
            "ground_stations: {cities: {min_population: 10}}|ground_stations.cities.min_population|10 is below 1000000",
            "routing: {polar_limit_deg: 95}|routing.polar_limit_deg|95 is not in [0, 90]",
            "ground_stations: {cities: {}, max_gsl_km: 0}|ground_stations.max_gsl_km|0 is not in [1, 20000]",
            "ground_stations: {cities: {}, max_gsl_km: 900, min_elevation_deg: 10}|ground_stations.max_gsl_km|give either max_gsl_km",
            "ground_stations: {cities: {}, snapshot: maybe}|ground_stations.snapshot|'maybe' is not true or false",
            "ground_stations: {cities: {}, snapshot: 1}|ground_stations.snapshot|1 is not true or false",
            "sweep: {constellation.walker.planez: [3]}|constellation.walker.planez|unknown key (allowed here: planes, sats",
            "sweep: {name: [3]}|sweep.name|cannot be swept",
            "sweep: {constellation.walker: [3]}|sweep.constellation.walker|not a number: only numeric keys can be swept",
            "sweep: {constellation.walker.planes: [24, x]}|sweep.constellation.walker.planes[1]|'x' is not a number",
            "sweep: {constellation.walker.planes: [2, 24]}|constellation.walker.planes|2 is not in [3, 400] (at sweep point constellation.walker.planes = 2)",
            "quick: {runs: 2, sweep: [3]}|quick.sweep|a quick sweep needs a sweep",
    })
    void everyBadValueNamesItsKeyPath(String extra, String keyPath, String problem) {
        ScenarioException e = fails(BASE + extra + "\n");
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        if (!problem.equals("-")) {
            assertTrue(e.getMessage().contains(problem), e.getMessage());
        }
        assertTrue(e.line() > 0, "line of " + e.getMessage());
    }

    @Test
    void groundStationsSnapshotPicksHowTheGroundLegsSeeTheConstellation() {
        assertEquals(io.spacecomp.routing.RttTiming.TIME_DEPENDENT, parse(BASE).base().groundStations().timing());
        assertEquals(io.spacecomp.routing.RttTiming.TIME_DEPENDENT,
                parse(BASE + "ground_stations: {cities: {}, snapshot: false}\n").base().groundStations().timing());
        assertEquals(io.spacecomp.routing.RttTiming.SNAPSHOT,
                parse(BASE + "ground_stations: {stations: [{name: A, lat: 40, lon: -4}], snapshot: true}\n").base().groundStations().timing());
        ScenarioException e = fails(BASE + "ground_stations: {cities: {},\n  snapshot: yes please}\n");
        assertEquals("t.yaml:9: ground_stations.snapshot: 'yes please' is not true or false", e.getMessage());
    }

    @Test
    void badNamesAndDuplicateKeysAreRefused() {
        ScenarioException name = fails(BASE.replace("name: t", "name: 'a b'"));
        assertEquals("t.yaml:1: name: 'a b' is not a name of 1-64 letters, digits, '.', '_' or '-'", name.getMessage());
        ScenarioException twice = fails(BASE + "name: u\n");
        assertTrue(twice.getMessage().contains("Duplicate field 'name'"), twice.getMessage());
        assertEquals(8, twice.line());
    }

    @Test
    void sweptKeyWhoseParentIsMissingIsNamed() {
        ScenarioException e = fails(BASE + "sweep: {cost.f_r: [1, 5]}\n");
        assertTrue(e.getMessage().contains("no such key path in this scenario"), e.getMessage());
    }

    @Test
    void brokenYamlGivesTheParsersLine() {
        ScenarioException e = fails("name: t\nconstellation:\n  walker: {planes: 24\n  sats: 3\n");
        assertTrue(e.getMessage().startsWith("t.yaml:"), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertEquals("t.yaml: the file is empty", fails("").getMessage());
        assertTrue(fails("- 1\n- 2\n").getMessage().contains("expected a mapping"));
    }

    @Test
    void exactlyOneConstellationKind() {
        assertTrue(fails("name: t\nconstellation: {}\n").getMessage().contains("give exactly one of 'walker' or 'tle'"));
        assertTrue(fails("name: t\n").getMessage().contains("missing key 'constellation'"));
        ScenarioException tle = fails("name: t\nconstellation: {tle: nowhere.tle}\n");
        assertEquals("constellation.tle", tle.keyPath());
        assertTrue(tle.getMessage().contains("'nowhere.tle' is not a file"), tle.getMessage());
        java.nio.file.Path example = java.nio.file.Path.of("..", "data", "tle", "example-multishell.tle").toAbsolutePath().normalize();
        ScenarioException many = fails("name: t\nconstellation:\n  tle: " + example + "\n");
        assertEquals("t.yaml:3: constellation.tle: " + example + " holds 3 shells: pick one (1..3); `spacecomp tle-info " + example
                + "` lists them", many.getMessage());
        ScenarioException fourth = fails("name: t\nconstellation:\n  tle: " + example + "\n  shell: 4\n");
        assertEquals("constellation.shell", fourth.keyPath());
        assertEquals(4, fourth.line());
        assertTrue(fourth.getMessage().contains("[1, 3]"), fourth.getMessage());
        ScenarioException phasing = fails(BASE.replace("altitude_km: 550", "altitude_km: 550\n    phasing: 24"));
        assertEquals("t.yaml:8: constellation.walker.phasing: 24 is not in [0, 23]", phasing.getMessage());
    }

    @Test
    void sweepExpandsIntoValidatedPointsWithKeysInStep() {
        ScenarioFile f = parse(BASE + "sweep:\n  constellation.walker.planes: [10, 20]\n  constellation.walker.sats: [11, 21]\n"
                + "quick: {runs: 2, sweep: [12]}\n");
        assertEquals(2, f.points().size());
        WalkerShell second = ((ConstellationSpec.Walker) f.points().get(1).scenario().constellation()).shell();
        assertEquals(20, second.planes());
        assertEquals(21, second.satsPerPlane());
        assertEquals(20.0, f.points().get(1).axisValue());
        assertEquals(1, f.quickPoints().size());
        WalkerShell quick = ((ConstellationSpec.Walker) f.quickPoints().get(0).scenario().constellation()).shell();
        assertEquals(12, quick.planes());
        assertEquals(12, quick.satsPerPlane());
        assertEquals(2, f.runs(true));
        assertEquals(20, f.runs(false));
        ScenarioException unequal = fails(BASE + "sweep: {constellation.walker.planes: [10, 20], constellation.walker.sats: [3]}\n");
        assertTrue(unequal.getMessage().contains("1 values, but constellation.walker.planes has 2"), unequal.getMessage());
        ScenarioFile fraction = parse(BASE + "sweep: {job.collectors: [0.1, 3]}\njob: {collectors: 0.2}\n");
        assertEquals(new Amount.Fraction(0.1), fraction.points().get(0).scenario().job().collectors());
        assertEquals(new Amount.Count(3), fraction.points().get(1).scenario().job().collectors());
    }

    @Test
    void shippedExamplesRead() throws Exception {
        Path dir = Path.of("..", "scenarios", "examples");
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "examples in " + dir.toAbsolutePath());
        for (Path p : files) {
            ScenarioFile f = ScenarioReader.read(p);
            assertEquals(p.getFileName().toString().replace(".yaml", ""), f.base().name());
        }
        ScenarioFile starlink = ScenarioReader.read(dir.resolve("starlink-53.yaml"));
        assertEquals(new WalkerShell(72, 22, 0, 53, 550, 6371),
                ((ConstellationSpec.Walker) starlink.base().constellation()).shell());
        assertEquals(List.of("random", "eager", "bipartite"), starlink.base().compare().allocators());
        assertEquals(3, starlink.points().size());
    }
}
