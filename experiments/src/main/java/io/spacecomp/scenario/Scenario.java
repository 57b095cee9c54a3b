package io.spacecomp.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.sim.fault.FaultPlan;

import java.nio.file.Path;

/**
 * One description of a study, as a scenario file gives it (see {@code scenarios/examples/}): the
 * constellation, the area, the ground stations, the job, the cost model, the strategies compared and
 * the seeded runs. A swept scenario is a list of these, one per point of its axis.
 *
 * @param name           names the output files ({@code [A-Za-z0-9._-]}, at most 64 characters)
 * @param description    free text for the reader of the results
 * @param experiment     {@code study} (the generic comparison) or one of the paper's figures
 * @param seed           master seed: every run's seed derives from it
 * @param runs           seeded runs per point
 * @param constellation  the shell
 * @param aoi            the area of interest
 * @param groundStations where jobs come from
 * @param job            the job template
 * @param cost           eq. 5 and the volume factors
 * @param compare        the strategies compared
 * @param routing        polar protection and per-hop overhead of every router
 * @param dataDir        the collectors' data directory, or null for the project's {@code data/}
 * @param sweep          the swept axis, or null
 * @param quickRuns      runs of a {@code --quick} run
 * @param quickSweep     the sweep of a {@code --quick} run (same keys, fewer values), or null
 * @param tree           the file as read (before sweeping), copied into every JSON report
 * @param faults         the faults injected into every simulated run ({@link FaultPlan#NONE} for none)
 */
public record Scenario(String name, String description, String experiment, long seed, int runs,
                       ConstellationSpec constellation, AreaSpec aoi, StationSpec groundStations, JobTemplate job,
                       CostSpec cost, Compare compare, RouteOptions routing, Path dataDir, SweepAxis sweep,
                       int quickRuns, SweepAxis quickSweep, ObjectNode tree, FaultPlan faults) {

    /** The generic study: every strategy combination on every point, the five metrics. */
    public static final String STUDY = "study";

    /** A scenario without faults. */
    public Scenario(String name, String description, String experiment, long seed, int runs,
                    ConstellationSpec constellation, AreaSpec aoi, StationSpec groundStations, JobTemplate job,
                    CostSpec cost, Compare compare, RouteOptions routing, Path dataDir, SweepAxis sweep,
                    int quickRuns, SweepAxis quickSweep, ObjectNode tree) {
        this(name, description, experiment, seed, runs, constellation, aoi, groundStations, job, cost, compare, routing,
                dataDir, sweep, quickRuns, quickSweep, tree, FaultPlan.NONE);
    }

    public Scenario {
        tree = tree.deepCopy();
        faults = faults == null ? FaultPlan.NONE : faults;
    }

    @Override
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    public boolean isStudy() {
        return STUDY.equals(experiment);
    }
}
