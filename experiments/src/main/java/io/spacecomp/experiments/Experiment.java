package io.spacecomp.experiments;

import io.spacecomp.scenario.Scenario;

import java.util.List;
import java.util.Map;

/**
 * One of the paper's figures as a sweep: seeded runs at each configuration point, one CSV row per run
 * and configuration, a summary of the headline figures per N, and a chart.
 *
 * @param <R> the row type
 */
public interface Experiment<R> {

    /** The name on the command line and of the output files, e.g. {@code routing-distance}. */
    String name();

    /** The paper figure it reproduces, e.g. {@code Fig. 3}. */
    String figure();

    /** The chart title. */
    String title();

    /** What the paper claims, in one sentence. */
    String paperClaim();

    /** Constellation sizes N of a default run: the sweep of {@code scenarios/paper/NAME.yaml}. */
    default List<Integer> defaultPlanes() {
        return new ExperimentConfig(1, 1, null, 1, false).planesOf(name());
    }

    /** Constellation sizes N of a {@code --quick} run: the quick sweep of {@code scenarios/paper/NAME.yaml}. */
    default List<Integer> quickPlanes() {
        return new ExperimentConfig(1, 1, null, 1, true).planesOf(name());
    }

    /** The CSV columns, identifying inputs first. */
    List<Column<R>> columns();

    /** Runs the sweep; rows in a fixed order (configuration point, run, strategy). */
    List<R> rows(ExperimentConfig config, SweepContext context);

    /**
     * Everything that shaped the rows beyond {@link ExperimentConfig}: models, parameters, rules.
     *
     * @param scenario the scenario of the run's first point (the points differ only in what they sweep)
     */
    Map<String, Object> configuration(Scenario scenario);

    /** The headline figures, each a map from N (or another swept input) to a value. */
    Map<String, Object> summary(List<R> rows);

    /** The figure. */
    ChartSpec chart(List<R> rows);

    /** The sizes a run with {@code config} sweeps. */
    default List<Integer> planes(ExperimentConfig config) {
        return config.planesOf(name());
    }
}
