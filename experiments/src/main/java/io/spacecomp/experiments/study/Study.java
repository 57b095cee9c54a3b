package io.spacecomp.experiments.study;

import io.spacecomp.experiments.ProgressSink;
import io.spacecomp.experiments.Sweep;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.SweepPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * A researcher's own study from a scenario file: every sweep point × seeded run × compared strategy, run
 * on as many threads as asked; the runs come back in (point, run) order whatever the thread count, so
 * the files written from them are byte-identical.
 */
public final class Study {

    private Study() {
    }

    /**
     * How to run a study file.
     *
     * @param quick   the file's quick sweep and runs
     * @param runs    runs per point, or null for the file's
     * @param seed    the master seed, or null for the file's
     * @param threads worker threads (≥ 1)
     */
    public record Options(boolean quick, Integer runs, Long seed, int threads) {

        /** The master seed of a run of {@code file}. */
        public long seedOf(ScenarioFile file) {
            return seed != null ? seed : file.base().seed();
        }

        /** Runs per point of a run of {@code file}. */
        public int runsOf(ScenarioFile file) {
            return runs != null ? runs : file.runs(quick);
        }
    }

    record Unit(SweepPoint point, int run, long seed, int satellites) {
        @Override
        public String toString() {
            return "point " + point.index() + " run " + run;
        }
    }

    /** Runs every unit of {@code file}. */
    public static List<StudyRun> run(ScenarioFile file, Options options, StudyRunner runner, ProgressSink progress) {
        file.base().job().tasks().check(runner.tasks());
        int runs = options.runsOf(file);
        List<Unit> units = new ArrayList<>();
        for (SweepPoint p : file.points(options.quick())) {
            int sats = ScenarioConstellation.of(p.scenario()).grid().size(); // also checks a TLE shell once, up front
            for (int r = 0; r < runs; r++) {
                units.add(new Unit(p, r, StudyRunner.runSeed(options.seedOf(file), p.index(), r), sats));
            }
        }
        return Sweep.run(units, u -> runner.run(u.point(), u.run(), u.seed()), Unit::satellites, options.threads(), progress,
                file.base().name());
    }
}
