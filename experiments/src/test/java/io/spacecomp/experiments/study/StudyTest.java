package io.spacecomp.experiments.study;

import io.spacecomp.experiments.DrawRules;
import io.spacecomp.experiments.JobScenario;
import io.spacecomp.experiments.ProgressSink;
import io.spacecomp.experiments.ProjectPaths;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.placement.CostModel;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.ScenarioReader;
import io.spacecomp.tasks.TaskRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyTest {

    private static ScenarioFile starlink;
    private static List<StudyRun> runs;
    private static final StudyRunner RUNNER = new StudyRunner(TaskRegistry.discover(), ProjectPaths.dataDir());

    @BeforeAll
    static void runQuickStarlink() {
        starlink = ScenarioReader.read(java.nio.file.Path.of("..", "scenarios", "examples", "starlink-53.yaml"));
        runs = Study.run(starlink, new Study.Options(true, null, null, 2), RUNNER, ProgressSink.NONE);
    }

    @Test
    void bipartiteCostsLessThanRandomInEveryRunAndNoMoreThanEager() {
        assertEquals(starlink.quickPoints().size() * starlink.runs(true), runs.size());
        for (StudyRun r : runs) {
            for (String reducer : starlink.base().compare().reducers()) {
                double bipartite = r.job(new Compare.Strategy("bipartite", reducer, "distance-aware")).value(StudyMetric.MAP_COST);
                double random = r.job(new Compare.Strategy("random", reducer, "distance-aware")).value(StudyMetric.MAP_COST);
                double eager = r.job(new Compare.Strategy("eager", reducer, "distance-aware")).value(StudyMetric.MAP_COST);
                assertTrue(bipartite < random, "run " + r.scenario().run() + " at " + r.point().axisValue() + ": " + bipartite + " vs " + random);
                assertTrue(bipartite <= eager + 1e-6, "eager beat the optimum in run " + r.scenario().run());
            }
            for (StudyJob j : r.jobs()) {
                assertTrue(j.done(), j.strategy().label() + ": " + j.error());
                assertTrue(j.value(StudyMetric.JOB_TIME) > 0, "job time of " + j.strategy().label());
                // the two ground legs: at least twice the 550 km altitude, at most twice a 25°-elevation range, at c
                double legs = j.value(StudyMetric.GROUND_TIME) - j.value(StudyMetric.JOB_TIME);
                assertTrue(legs > 2 * 550 / 299_792.458 && legs < 2 * 1_200 / 299_792.458, "ground legs of " + j.strategy().label()
                        + ": " + legs + " s");
            }
        }
    }

    /** The protocol's bipartite and lapjv plans are the optimum a brute force over all assignments finds (k ≤ 8). */
    @Test
    void bipartiteMapCostIsTheBruteForceOptimum() {
        ScenarioFile polar = ScenarioReader.read(java.nio.file.Path.of("..", "scenarios", "examples", "polar-100.yaml"));
        int checked = 0;
        for (StudyRun r : Study.run(polar, new Study.Options(true, 3, null, 2), RUNNER, ProgressSink.NONE)) {
            JobScenario s = r.scenario();
            if (s.k() > 8) {
                continue;
            }
            io.spacecomp.orbit.geometry.ConstellationGeometry g = ScenarioConstellation.of(r.point().scenario()).geometry();
            Router router = Routers.byName("distance-aware", g, r.point().scenario().routing());
            CostModel model = r.point().scenario().cost().model();
            double[][] cost = new double[s.k()][s.k()];
            for (int i = 0; i < s.k(); i++) {
                for (int j = 0; j < s.k(); j++) {
                    Path p = router.route(s.collectors().get(i), s.candidates().get(j), s.epochS());
                    cost[i][j] = model.cost(p.hopCount(), p.distanceKm());
                }
            }
            double best = bestPermutation(cost, 0, new boolean[s.k()], 0);
            double bipartite = r.job(new Compare.Strategy("bipartite", "center", "distance-aware")).value(StudyMetric.MAP_COST);
            double lapjv = r.job(new Compare.Strategy("lapjv", "center", "distance-aware")).value(StudyMetric.MAP_COST);
            double random = r.job(new Compare.Strategy("random", "center", "distance-aware")).value(StudyMetric.MAP_COST);
            assertEquals(best, bipartite, 1e-6 * best);
            assertEquals(best, lapjv, 1e-6 * best);
            assertTrue(random >= best - 1e-6 * best);
            checked++;
        }
        assertTrue(checked >= 2, "runs with k <= 7: " + checked);
    }

    private static double bestPermutation(double[][] c, int row, boolean[] used, double sum) {
        if (row == c.length) {
            return sum;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, bestPermutation(c, row + 1, used, sum + c[row][j]));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesWhateverTheThreads(@TempDir java.nio.file.Path tmp) throws Exception {
        ScenarioFile polar = ScenarioReader.read(java.nio.file.Path.of("..", "scenarios", "examples", "polar-100.yaml"));
        Study.Options one = new Study.Options(true, 2, null, 1);
        Study.Options two = new Study.Options(true, 2, null, 2);
        List<java.nio.file.Path> a = StudyOutput.write(polar, one, Study.run(polar, one, RUNNER, ProgressSink.NONE), tmp.resolve("a"));
        List<java.nio.file.Path> b = StudyOutput.write(polar, two, Study.run(polar, two, RUNNER, ProgressSink.NONE), tmp.resolve("b"));
        assertEquals(4 * StudyMetric.values().length, a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).toString().endsWith(".png")) {
                assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).getFileName().toString());
            }
        }
        List<String> csv = Files.readAllLines(tmp.resolve("a").resolve("polar-100-map-cost.csv"));
        // header + 2 points x 2 runs x 6 strategies
        assertEquals(1 + 2 * 2 * 6, csv.size());
        assertTrue(csv.get(0).startsWith("point,job.collectors,planes,"), csv.get(0));
        String json = Files.readString(tmp.resolve("a").resolve("polar-100-hops.json"));
        assertTrue(json.contains("\"scenario\" : {") && json.contains("\"Kiruna\""), "the scenario is copied into the JSON");
    }

    /** A TLE catalogue's shell: SGP4 geometry, WGS84 stations with a range cone, holes never drawn, every job exact. */
    @Test
    void aTleShellStudyNeverDrawsAnEmptySlot() {
        ScenarioFile tle = ScenarioReader.read(java.nio.file.Path.of("..", "scenarios", "examples", "tle-shell.yaml"));
        ScenarioConstellation c = ScenarioConstellation.of(tle.base());
        io.spacecomp.orbit.orekit.TleShell shell = (io.spacecomp.orbit.orekit.TleShell) c.geometry();
        assertEquals(34, c.grid().planes());
        assertEquals(34, c.grid().satsPerPlane());
        assertEquals(7, shell.holes().size());
        assertEquals(1100.0, tle.base().groundStations().maxGslKm());
        List<StudyRun> tleRuns = Study.run(tle, new Study.Options(true, null, null, 2), RUNNER, ProgressSink.NONE);
        assertEquals(2, tleRuns.size());
        for (StudyRun r : tleRuns) {
            List<SatId> drawn = new ArrayList<>(r.scenario().collectors());
            drawn.addAll(r.scenario().candidates());
            drawn.add(r.scenario().los());
            for (SatId s : drawn) {
                assertTrue(shell.isUp(s), s + " is an empty slot");
            }
            for (StudyJob j : r.jobs()) {
                assertTrue(j.done(), j.strategy().label() + ": " + j.error());
            }
        }
    }

    @Test
    void drawsFollowTheScenariosRules() {
        for (StudyRun r : runs) {
            JobScenario s = r.scenario();
            assertEquals(Math.max(1, (int) Math.floor(0.4 * s.aoiSats() + 1e-9)), s.k());
            List<SatId> all = new ArrayList<>(s.collectors());
            all.addAll(s.candidates());
            assertEquals(2 * s.k(), all.stream().distinct().count());
            ScenarioConstellation c = ScenarioConstellation.of(r.point().scenario());
            JobScenario again = JobScenario.draw(c.geometry(), c.grid(), DrawRules.of(r.point().scenario()), s.run(), s.runSeed());
            assertEquals(s, again);
        }
    }
}
