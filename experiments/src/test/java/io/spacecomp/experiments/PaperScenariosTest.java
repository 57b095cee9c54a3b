package io.spacecomp.experiments;

import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.CostKind;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Routers;
import io.spacecomp.scenario.ConstellationSpec;
import io.spacecomp.scenario.CostSpec;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.SweepPoint;
import io.spacecomp.scenario.TaskNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scenarios/paper/*.yaml give exactly the parameters the paper's evaluation used, and the same bytes. */
class PaperScenariosTest {

    private static final List<Integer> ROUTING_PLANES = List.of(22, 32, 40, 50, 60, 70, 80, 90, 100);
    private static final List<Integer> PLANES = List.of(50, 60, 70, 80, 90, 100);

    /**
     * SHA-256 of the CSV files of {@code reproduce --quick} (seed 1) made by the code before the experiments
     * read scenario files (commit d6c663d, constants in code): the files must not change by a byte.
     */
    private static final Map<String, String> QUICK_SEED_1_CSV_SHA256 = Map.of(
            "routing-distance", "018c41275ccb8a3e638bb64a9da63c5674d9e1d96295dcf30d049bfd35355959",
            "routing-hops", "fac423bcd691900df33299e22a2cd1e16231810ecd95fa7b57601c09452fa21c",
            "map-allocation", "431de4864c4dbbd33ff9196ef01e9036a77f8ec0f521d9595dce9e4507e0eb14",
            "map-cost", "83c7283d0ab551d0b0ec2867e845d34144045779eaa525e9a99d3058f7b92b03",
            "reduce-placement", "55b0ac06f0cf419fc3311b1ea8b4c2df69ae6249f84c6b6126e78c956636c544",
            "reduction-factor", "474563f34cb1a53b4feada6a79ca5b730901d9e3f5035a67d72f4f6f80939adb",
            "map-contention", "f250f6a05fc01147e056780d8f3c2cd942981d2472ed642d1b86f1d889b19d91",
            "reduce-contention", "074ed8e91f32028917866b89326e9200fb382e163f24d42d45667b7ecfda9dfe");

    static Stream<String> names() {
        return Experiments.NAMES.stream();
    }

    @Test
    void theFolderHoldsOneFilePerFigureInFigureOrder() {
        assertEquals(Experiments.NAMES, PaperExperiments.all().stream().map(f -> f.base().name()).toList());
        assertEquals(Experiments.NAMES, PaperExperiments.all().stream().map(f -> f.base().experiment()).toList());
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyPointHasThePapersParameters(String name) {
        ScenarioFile f = PaperExperiments.load(name);
        assertEquals(PaperExperiments.dir().resolve(name + ".yaml"), PaperExperiments.file(name));
        Scenario base = f.base();
        assertEquals(name, base.name());
        assertEquals(name, base.experiment());
        assertEquals(1, base.seed());
        assertEquals(20, base.runs());
        assertEquals(ExperimentConfig.DEFAULT_RUNS, f.runs(false));
        assertEquals(ExperimentConfig.QUICK_RUNS, f.runs(true));
        assertNull(base.dataDir());
        List<Integer> expected = name.startsWith("routing") ? ROUTING_PLANES : PLANES;
        List<Integer> quick = name.startsWith("routing") ? List.of(22, 50) : List.of(50, 70);
        assertEquals(expected, planes(f.points(false)));
        assertEquals(quick, planes(f.points(true)));
        assertEquals(expected, Experiments.byName(name).defaultPlanes());
        assertEquals(quick, Experiments.byName(name).quickPlanes());
        for (boolean q : new boolean[] {false, true}) {
            for (SweepPoint p : f.points(q)) {
                Scenario s = p.scenario();
                int n = (int) p.axisValue();
                assertEquals(new ConstellationSpec.Walker(WalkerShell.paperDefault(n, n)), s.constellation());
                assertEquals(DrawRules.PAPER, DrawRules.of(s));
                assertEquals(CostSpec.PAPER, s.cost());
                assertEquals(new RouteOptions(0.0, PolarProtection.DEFAULT), s.routing());
                assertEquals(TaskNames.WORD_COUNT, s.job().tasks());
                assertEquals(JobSpec.DEFAULT_MAX_COLLECT_RECORDS, s.job().maxCollectRecords());
                assertEquals(JobSpec.DEFAULT_TIMEOUT_S, s.job().timeoutS());
                assertEquals(ProjectPaths.CORPUS, s.job().data().get("filename").asText());
                assertEquals(s.compare(), base.compare());
            }
        }
    }

    @Test
    void eachFigureComparesWhatThePaperCompares() {
        List<String> three = List.of("random", "eager", "bipartite");
        List<String> placements = List.of("los", "center", "median");
        for (String name : List.of("routing-distance", "routing-hops")) {
            var c = PaperExperiments.load(name).base().compare();
            assertEquals(Routers.NAMES, c.routers());
            assertEquals(List.of(53.0, 87.0), c.inclinationsDeg());
            assertEquals(List.of(false, true), c.polarProtection());
            assertEquals(List.of("bipartite"), c.allocators());
            assertEquals(List.of("center"), c.reducers());
            assertEquals(CostKind.HOPS, c.costKind());
        }
        var allocation = PaperExperiments.load("map-allocation").base().compare();
        assertEquals(three, allocation.allocators());
        assertEquals(List.of("manhattan"), allocation.routers());
        var cost = PaperExperiments.load("map-cost").base().compare();
        assertEquals(three, cost.allocators());
        assertEquals(List.of("distance-aware"), cost.routers());
        for (String name : List.of("reduce-placement", "reduction-factor", "reduce-contention")) {
            var c = PaperExperiments.load(name).base().compare();
            assertEquals(placements, c.reducers());
            assertEquals(List.of("distance-aware"), c.routers());
            assertEquals(CostKind.EQ5, c.costKind());
        }
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0),
                PaperExperiments.load("reduction-factor").base().compare().reductionFactors());
        assertEquals(List.of(), PaperExperiments.load("reduce-placement").base().compare().reductionFactors());
        // Figures 9 and 10 together simulate the five strategies of the shared contention sweep.
        Set<ContentionSweep.Strategy> both = new LinkedHashSet<>(ContentionSweep.strategies(PaperExperiments.load("map-contention").base()));
        both.addAll(ContentionSweep.strategies(PaperExperiments.load("reduce-contention").base()));
        assertEquals(List.of(new ContentionSweep.Strategy("random", "center"), new ContentionSweep.Strategy("eager", "center"),
                new ContentionSweep.Strategy("bipartite", "center"), new ContentionSweep.Strategy("bipartite", "los"),
                new ContentionSweep.Strategy("bipartite", "median")), new ArrayList<>(both));
    }

    @Test
    void quickReproduceFromTheFilesWritesTheSameCsvBytesAsTheConstantsDid(@TempDir Path dir) throws Exception {
        SweepContext context = new SweepContext(ProgressSink.NONE);
        for (ScenarioFile f : PaperExperiments.all()) {
            ExperimentRunner.Outcome o = PaperExperiments.run(f, new Overrides(null, null, null, 2, true), dir, context);
            assertEquals(f.base().name(), o.name());
            byte[] csv = Files.readAllBytes(dir.resolve(o.name() + ".csv"));
            assertEquals(QUICK_SEED_1_CSV_SHA256.get(o.name()),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)), o.name() + ".csv changed");
        }
    }

    @Test
    void runsDrawnByTheFileEqualRunsDrawnByTheConstants() {
        ExperimentConfig config = ExperimentConfig.of(PaperExperiments.load("map-cost"), new Overrides(2, 1L, List.of(50), 1, false));
        List<MapSweep.Run> runs = MapSweep.runs(config, new SweepContext(ProgressSink.NONE), "map-cost");
        assertEquals(2, runs.size());
        for (int r = 0; r < 2; r++) {
            var geometry = new io.spacecomp.orbit.geometry.CircularOrbitGeometry(WalkerShell.paperDefault(50, 50));
            JobScenario byConstants = JobScenario.draw(geometry, r, Seeds.derive(1, MapSweep.FAMILY, 50, r));
            assertEquals(byConstants, runs.get(r).scenario());
        }
    }

    @Test
    void planesOverrideMakesNxNShellsOfTheFilesOtherwiseUnchangedScenario() {
        ScenarioFile f = PaperExperiments.load("reduce-placement");
        ExperimentConfig config = ExperimentConfig.of(f, new Overrides(null, null, List.of(64, 36), 1, true));
        assertEquals(4, config.runs());
        assertEquals(1, config.seed());
        assertEquals(List.of(64, 36), config.planesOf("reduce-placement"));
        for (Scenario s : config.points("reduce-placement")) {
            WalkerShell shell = ((ConstellationSpec.Walker) s.constellation()).shell();
            assertEquals(WalkerShell.paperDefault(shell.planes(), shell.planes()), shell);
            assertEquals(DrawRules.PAPER, DrawRules.of(s));
            assertEquals(f.base().compare(), s.compare());
            assertEquals(f.base().cost(), s.cost());
        }
        ExperimentConfig seeded = ExperimentConfig.of(f, new Overrides(7, 9L, null, 1, false));
        assertEquals(7, seeded.runs());
        assertEquals(9, seeded.seed());
        assertEquals(PLANES, seeded.planesOf("reduce-placement"));
    }

    @Test
    void onlyPaperFilesRunAsPaperExperiments() {
        ScenarioFile study = io.spacecomp.scenario.ScenarioReader.parse("constellation: {walker: {planes: 40, sats: 40, "
                + "inclination_deg: 53, altitude_km: 550}}", "study.yaml", null, "study");
        assertTrue(!PaperExperiments.isPaper(study));
        assertTrue(PaperExperiments.isPaper(PaperExperiments.load("map-cost")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PaperExperiments.run(study, Overrides.NONE, Path.of("unused"), new SweepContext(ProgressSink.NONE)));
        assertTrue(e.getMessage().contains("study") && e.getMessage().contains("routing-distance"), e.getMessage());
    }

    private static List<Integer> planes(List<SweepPoint> points) {
        return points.stream().map(p -> ((ConstellationSpec.Walker) p.scenario().constellation()).shell().planes()).toList();
    }
}
