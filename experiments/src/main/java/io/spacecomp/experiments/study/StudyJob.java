package io.spacecomp.experiments.study;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.scenario.Compare;

import java.util.EnumMap;
import java.util.Map;

/**
 * One strategy's job in one run of a study.
 *
 * @param strategy allocator, reducer placement and router
 * @param done     whether the simulated job completed
 * @param error    why it failed (empty when done)
 * @param reducer  where the coordinator placed the reducer (null if planning failed)
 * @param values   each metric's value (NaN when it could not be measured)
 */
public record StudyJob(Compare.Strategy strategy, boolean done, String error, SatId reducer, Map<StudyMetric, Double> values) {

    public StudyJob {
        values = new EnumMap<>(values);
    }

    public double value(StudyMetric m) {
        return values.getOrDefault(m, Double.NaN);
    }
}
