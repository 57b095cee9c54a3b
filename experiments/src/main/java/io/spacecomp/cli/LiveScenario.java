package io.spacecomp.cli;

import io.spacecomp.emulator.plane.Orbits;
import io.spacecomp.experiments.study.ScenarioConstellation;
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
 * @param orbits      the Walker shell, or the TLE catalogue's shell (its empty slots are satellites that are down)
 * @param router      the router of every message
 * @param coordinator the LOS satellite
 * @param station     the station that sees it
 * @param epochS      the instant it was chosen at (s since the constellation epoch)
 * @param dataDir     the collectors' data directory
 */
record LiveScenario(Orbits orbits, String router, SatId coordinator, String station, double epochS, Path dataDir) {

    /** The grid (for a TLE shell, as {@code tle-info} describes it). */
    WalkerShell shell() {
        return orbits.grid();
    }

    static LiveScenario of(Scenario s, TaskRegistry tasks, Path defaultDataDir) {
        Compare c = s.compare();
        Compare.Strategy first = new Compare.Strategy(c.allocators().get(0), c.reducers().get(0), c.routers().get(0));
        ScenarioJobs.Submission job = ScenarioJobs.plan(s, first, 1, tasks, defaultDataDir, 0.0).jobs().get(0);
        Orbits orbits = s.constellation() instanceof ConstellationSpec.Walker w ? new Orbits.Walker(w.shell())
                : new Orbits.Tle(ScenarioConstellation.tleShell((ConstellationSpec.Tle) s.constellation()));
        return new LiveScenario(orbits, first.router(), job.los(), job.draw().stationName(), job.atS(),
                s.dataDir() != null ? s.dataDir() : defaultDataDir);
    }
}
