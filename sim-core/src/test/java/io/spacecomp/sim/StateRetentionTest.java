package io.spacecomp.sim;

import io.spacecomp.orbit.aoi.GridArea;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.protocol.SatelliteNode;
import io.spacecomp.sim.fault.FaultPlan;
import io.spacecomp.sim.fault.RandomFaults;
import io.spacecomp.tasks.DataFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-job state is dropped after each job's deadline, whether the job finished or failed: nothing grows. */
class StateRetentionTest {

    private static final WalkerShell SHELL = WalkerShell.paperDefault(11, 11);
    private static final int JOBS = 10_000;
    private static final double TIMEOUT_S = 30.0;

    @Test
    void tenThousandJobsLeaveEverySatelliteEmpty() {
        Simulation sim = new Simulation(SimulationConfig.defaults(new CircularOrbitGeometry(SHELL),
                new DataFiles(Path.of("..", "data")), 5));
        for (int j = 0; j < JOBS; j++) {
            List<SatId> aoi = GridArea.shuffled(3, 8, 11, 11, j);
            sim.submit(JobSpec.wordCount("job-" + j, 3, aoi, "bipartite", "center", 64, "corpus.txt", j).withTimeout(TIMEOUT_S),
                    new SatId(1, 1), j * 0.01);
        }
        // Satellite (5,5), inside every job's area, is down from 20 s to 40 s: jobs then fail with state left behind.
        SatId broken = new SatId(5, 5);
        sim.at(20.0, () -> sim.network().setDown(broken, true));
        sim.at(40.0, () -> sim.network().setDown(broken, false));
        long[] heldMidway = new long[1];
        sim.at(35.0, () -> heldMidway[0] = held(sim));
        List<JobOutcome> outcomes = sim.run();
        assertEquals(JOBS, outcomes.size());
        long done = outcomes.stream().filter(JobOutcome::done).count();
        assertTrue(done > JOBS / 2 && done < JOBS, "done: " + done);
        assertTrue(heldMidway[0] > 0, "state is held while jobs run");
        for (SatId s : SHELL.satellites()) {
            SatelliteNode.Retained r = sim.node(s).retained();
            assertTrue(r.isEmpty(), s + " still holds " + r);
        }
    }

    @Test
    void crashesLossAndDuplicatesWithReplanningLeaveEverySatelliteEmpty() {
        // about 27 crashes of 5 s among 121 satellites over the 76 s the jobs run, 1 % lost and 1 % duplicated hops
        FaultPlan plan = FaultPlan.of(List.of(), new RandomFaults(300.0, 5.0, 0.01, 0.01, 0.0, 0.0));
        Simulation sim = new Simulation(SimulationConfig.defaults(new CircularOrbitGeometry(SHELL),
                new DataFiles(Path.of("..", "data")), 5).withFaults(plan));
        int jobs = 400;
        for (int j = 0; j < jobs; j++) {
            List<SatId> aoi = GridArea.shuffled(3, 8, 11, 11, j);
            sim.submit(JobSpec.wordCount("job-" + j, 3, aoi, "bipartite", "center", 64, "corpus.txt", j)
                    .withTimeout(TIMEOUT_S).withOnFailure(FailurePolicy.REPLAN), new SatId(1, 1), j * 0.1);
        }
        long[] heldMidway = new long[1];
        sim.at(20.0, () -> heldMidway[0] = held(sim));
        List<JobOutcome> outcomes = sim.run();
        assertEquals(jobs, outcomes.size());
        long done = outcomes.stream().filter(JobOutcome::done).count();
        long replanned = outcomes.stream().filter(o -> !o.replans().isEmpty()).count();
        assertTrue(done > jobs * 0.8 && done < jobs, "done: " + done);
        assertTrue(replanned > 0, "some jobs re-planned");
        assertTrue(heldMidway[0] > 0, "state is held while jobs run");
        for (SatId s : SHELL.satellites()) {
            SatelliteNode.Retained r = sim.node(s).retained();
            assertTrue(r.isEmpty(), s + " still holds " + r);
        }
    }

    private static long held(Simulation sim) {
        long n = 0;
        for (SatId s : SHELL.satellites()) {
            SatelliteNode.Retained r = sim.node(s).retained();
            n += r.coordinating() + r.finished() + r.mapStreams() + r.reducing() + r.reduced() + r.reportedFailures();
        }
        return n;
    }
}
