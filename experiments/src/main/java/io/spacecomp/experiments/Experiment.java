package io.spacecomp.experiments;

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

    /** Constellation sizes N of a default run. */
    List<Integer> defaultPlanes();

    /** Constellation sizes N of a {@code --quick} run. */
    List<Integer> quickPlanes();

    /** The CSV columns, identifying inputs first. */
    List<Column<R>> columns();

    /** Runs the sweep; rows in a fixed order (configuration point, run, strategy). */
    List<R> rows(ExperimentConfig config, SweepContext context);

    /** Everything that shaped the rows beyond {@link ExperimentConfig}: models, parameters, rules. */
    Map<String, Object> configuration();

    /** The headline figures, each a map from N (or another swept input) to a value. */
    Map<String, Object> summary(List<R> rows);

    /** The figure. */
    ChartSpec chart(List<R> rows);

    /** The sizes a run with {@code config} sweeps. */
    default List<Integer> planes(ExperimentConfig config) {
        return config.planesOr(defaultPlanes(), quickPlanes());
    }
}
