package io.spacecomp.experiments.study;

import io.spacecomp.experiments.JobScenario;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.SweepPoint;

import java.util.List;

/**
 * One seeded run at one sweep point: the drawn job set-up and every strategy's job on it.
 *
 * @param point    the sweep point
 * @param scenario the run's drawn set-up (epoch, AOI satellites, collectors, station, LOS)
 * @param jobs     one job per strategy, in {@link Compare#strategies()} order
 */
public record StudyRun(SweepPoint point, JobScenario scenario, List<StudyJob> jobs) {

    public StudyRun {
        jobs = List.copyOf(jobs);
    }

    /** The job of {@code strategy}. */
    public StudyJob job(Compare.Strategy strategy) {
        for (StudyJob j : jobs) {
            if (j.strategy().equals(strategy)) {
                return j;
            }
        }
        throw new IllegalArgumentException("no job for " + strategy.label());
    }
}
