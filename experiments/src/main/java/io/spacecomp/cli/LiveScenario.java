package io.spacecomp.cli;

import io.spacecomp.experiments.study.ScenarioJobs;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.ConstellationSpec;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.tasks.TaskRegistry;

import java.nio.file.Path;

/**
 * What {@code emulate --scenario} starts: the scenario's shell, its first router, its data, and as every
 * job's coordinator the satellite its first drawn station sees highest at the first job's time (the same
 * LOS satellite {@code simulate --scenario} gives job 1).
 *
 * @param shell       the Walker shell
 * @param router      the router of every message
 * @param coordinator the LOS satellite
 * @param station     the station that sees it
 * @param epochS      the instant it was chosen at (s since the constellation epoch)
 * @param dataDir     the collectors' data directory
 */
record LiveScenario(WalkerShell shell, String router, SatId coordinator, String station, double epochS, Path dataDir) {

    static LiveScenario of(Scenario s, TaskRegistry tasks, Path defaultDataDir) {
        if (!(s.constellation() instanceof ConstellationSpec.Walker w)) {
            throw new IllegalArgumentException("constellation.tle: the live testbed runs Walker shells; describe it with "
                    + "constellation.walker");
        }
        Compare c = s.compare();
        Compare.Strategy first = new Compare.Strategy(c.allocators().get(0), c.reducers().get(0), c.routers().get(0));
        ScenarioJobs.Submission job = ScenarioJobs.plan(s, first, 1, tasks, defaultDataDir, 0.0).jobs().get(0);
        return new LiveScenario(w.shell(), first.router(), job.los(), job.draw().stationName(), job.atS(),
                s.dataDir() != null ? s.dataDir() : defaultDataDir);
    }
}
