package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.Record;

import java.util.List;


/**
 * How a job ended, published exactly once by its coordinator.
 *
 * @param jobId          the job
 * @param done           true when the result is complete; false when the job failed
 * @param error          why it failed (null when done)
 * @param result         the reduced result (null when failed)
 * @param jobStartS      when the coordinator accepted it (s)
 * @param jobTimeS       from acceptance to completion or failure (s): until the coordinator holds the result
 * @param reduceTimeS    from acceptance until the reducer finished reducing (s), what leopymr reports as
 *                       {@code job_time}; the same as {@code jobTimeS} for a failed job
 * @param los            the coordinator
 * @param reducer        the reducer (null when planning failed)
 * @param allocations    collector → mapper pairs (empty when planning failed)
 * @param distance       total collector → mapper hops
 * @param reduceDistance total mapper → reducer hops
 * @param replans        every move of work the coordinator made, in order (empty when nothing was lost)
 */
public record JobOutcome(String jobId, boolean done, String error, Record result, double jobStartS, double jobTimeS,
                         double reduceTimeS, SatId los, SatId reducer, List<JobPlan.Allocation> allocations, int distance,
                         int reduceDistance, List<Replan> replans) {

    /** An outcome without re-plans. */
    public JobOutcome(String jobId, boolean done, String error, Record result, double jobStartS, double jobTimeS,
                      double reduceTimeS, SatId los, SatId reducer, List<JobPlan.Allocation> allocations, int distance,
                      int reduceDistance) {
        this(jobId, done, error, result, jobStartS, jobTimeS, reduceTimeS, los, reducer, allocations, distance, reduceDistance,
                List.of());
    }

    public JobOutcome {
        allocations = List.copyOf(allocations);
        replans = replans == null ? List.of() : List.copyOf(replans);
    }
}
