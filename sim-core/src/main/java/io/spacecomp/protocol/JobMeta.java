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
 */
public record JobMeta(String jobId, int dataId, int dataSize, double jobStartS, double deadlineS,
                      String collectTask, String mapTask, String combineTask, String reduceTask,
                      int maxCollectRecords, JsonNode jobData, SatId reducer, SatId los) {

    /** Whether collectors combine locally and send straight to the reducer ("skip map"). */
    public boolean skipMap() {
        return combineTask != null && !combineTask.isEmpty();
    }

    public JobMeta withDataId(int id) {
        return new JobMeta(jobId, id, dataSize, jobStartS, deadlineS, collectTask, mapTask, combineTask, reduceTask,
                maxCollectRecords, jobData, reducer, los);
    }
}
