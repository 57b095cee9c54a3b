package io.spacecomp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.orbit.shell.SatId;

/**
 * The metadata every job message carries (SPEC §6).
 *
 * @param jobId             globally unique job id
 * @param dataId            this collector's index 1..k (0 where no collector is meant)
 * @param dataSize          number of collectors k
 * @param jobStartS         when the coordinator accepted the job (s, on the protocol's clock)
 * @param deadlineS         when the job fails if not done (s, same clock)
 * @param collectTask       collector task name
 * @param mapTask           mapper task name
 * @param combineTask       combiner task name, or empty for the map path
 * @param reduceTask        reducer task name
 * @param maxCollectRecords records per batch streamed from a collector (≥ 1)
 * @param jobData           free JSON for the tasks
 * @param reducer           the reducer satellite
 * @param los               the coordinating line-of-sight satellite
 * @param epoch             how many times the coordinator re-planned this data id's work (0 at first): a
 *                          stream of a later epoch replaces the earlier one at the mapper and the reducer
 * @param onFailure         what the job does when a satellite working for it is lost
 */
public record JobMeta(String jobId, int dataId, int dataSize, double jobStartS, double deadlineS,
                      String collectTask, String mapTask, String combineTask, String reduceTask,
                      int maxCollectRecords, JsonNode jobData, SatId reducer, SatId los, int epoch,
                      FailurePolicy onFailure) {

    /** First-epoch metadata of a job that fails when a satellite is lost (what the emulator's wire carries). */
    public JobMeta(String jobId, int dataId, int dataSize, double jobStartS, double deadlineS,
                   String collectTask, String mapTask, String combineTask, String reduceTask,
                   int maxCollectRecords, JsonNode jobData, SatId reducer, SatId los) {
        this(jobId, dataId, dataSize, jobStartS, deadlineS, collectTask, mapTask, combineTask, reduceTask,
                maxCollectRecords, jobData, reducer, los, 0, FailurePolicy.FAIL);
    }

    public JobMeta {
        onFailure = onFailure == null ? FailurePolicy.FAIL : onFailure;
    }

    /** Whether a lost satellite's work moves instead of failing the job. */
    public boolean replans() {
        return onFailure == FailurePolicy.REPLAN;
    }

    /** Whether collectors combine locally and send straight to the reducer ("skip map"). */
    public boolean skipMap() {
        return combineTask != null && !combineTask.isEmpty();
    }

    public JobMeta withDataId(int id) {
        return new JobMeta(jobId, id, dataSize, jobStartS, deadlineS, collectTask, mapTask, combineTask, reduceTask,
                maxCollectRecords, jobData, reducer, los, epoch, onFailure);
    }

    public JobMeta withEpoch(int e) {
        return new JobMeta(jobId, dataId, dataSize, jobStartS, deadlineS, collectTask, mapTask, combineTask, reduceTask,
                maxCollectRecords, jobData, reducer, los, e, onFailure);
    }

    public JobMeta withReducer(SatId r) {
        return new JobMeta(jobId, dataId, dataSize, jobStartS, deadlineS, collectTask, mapTask, combineTask, reduceTask,
                maxCollectRecords, jobData, r, los, epoch, onFailure);
    }
}
