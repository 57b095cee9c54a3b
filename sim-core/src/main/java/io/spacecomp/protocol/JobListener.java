package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;

/** Hears from a coordinator about the jobs it runs. */
@FunctionalInterface
public interface JobListener {

    /** Told once per job when its coordinator publishes the outcome. */
    void jobFinished(JobOutcome outcome);

    /**
     * Told once per job when the coordinator has planned it and sent the work out (not for jobs that fail
     * planning: those go straight to {@link #jobFinished}). The emulator's uplink answers the ground with it.
     */
    default void jobAccepted(JobSpec spec, SatId los, JobPlan plan) {
    }

    /**
     * Told each time a re-planning coordinator moves work of a running job (the same move its outcome will list).
     * The emulator's gateway watches the satellite that took the work over from then on.
     */
    default void jobReplanned(String jobId, SatId los, Replan move) {
    }
}
