package io.spacecomp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.orbit.shell.SatId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A job as the ground submits it (SPEC §6–7).
 *
 * @param jobId             unique id
 * @param collectors        k, number of collectors
 * @param aoi               candidate satellites: the first k collect, the next k are candidate mappers
 * @param allocator         random | eager | bipartite (hungarian) | lapjv
 * @param reducerPlacement  los | center | median, or a fixed satellite written "sat,orb" (the reference
 *                          client sends the reducer satellite itself)
 * @param collectTask       collector task name
 * @param mapTask           mapper task name
 * @param combineTask       combiner task name; empty for the map path
 * @param reduceTask        reducer task name
 * @param maxCollectRecords records per batch from a collector (≥ 1)
 * @param jobData           free JSON for the tasks (e.g. {"filename": "sample.txt"})
 * @param timeoutS          the job fails when not done this long after it is accepted (s, &gt; 0)
 * @param seed              seed of the random allocator
 * @param onFailure         what the job does when a satellite working for it is lost
 */
public record JobSpec(String jobId, int collectors, List<SatId> aoi, String allocator, String reducerPlacement,
                      String collectTask, String mapTask, String combineTask, String reduceTask,
                      int maxCollectRecords, JsonNode jobData, double timeoutS, long seed, FailurePolicy onFailure) {

    /** A job that fails when a satellite working for it is lost. */
    public JobSpec(String jobId, int collectors, List<SatId> aoi, String allocator, String reducerPlacement,
                   String collectTask, String mapTask, String combineTask, String reduceTask,
                   int maxCollectRecords, JsonNode jobData, double timeoutS, long seed) {
        this(jobId, collectors, aoi, allocator, reducerPlacement, collectTask, mapTask, combineTask, reduceTask,
                maxCollectRecords, jobData, timeoutS, seed, FailurePolicy.FAIL);
    }

    public static final int DEFAULT_MAX_COLLECT_RECORDS = 1024;

    /** Generous default timeout for a job (s). */
    public static final double DEFAULT_TIMEOUT_S = 3600.0;

    /** The reference word count: doccollector → wordcountmapper → sumreducer over {@code filename}. */
    public static JobSpec wordCount(String jobId, int collectors, List<SatId> aoi, String allocator,
                                    String reducerPlacement, int maxCollectRecords, String filename, long seed) {
        com.fasterxml.jackson.databind.node.ObjectNode data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        data.put("filename", filename);
        return new JobSpec(jobId, collectors, aoi, allocator, reducerPlacement, "doccollector", "wordcountmapper", "",
                "sumreducer", maxCollectRecords, data, DEFAULT_TIMEOUT_S, seed);
    }

    public JobSpec withTasks(String collect, String map, String combine, String reduce) {
        return new JobSpec(jobId, collectors, aoi, allocator, reducerPlacement, collect, map, combine, reduce,
                maxCollectRecords, jobData, timeoutS, seed, onFailure);
    }

    public JobSpec withTimeout(double seconds) {
        return new JobSpec(jobId, collectors, aoi, allocator, reducerPlacement, collectTask, mapTask, combineTask,
                reduceTask, maxCollectRecords, jobData, seconds, seed, onFailure);
    }

    public JobSpec withOnFailure(FailurePolicy policy) {
        return new JobSpec(jobId, collectors, aoi, allocator, reducerPlacement, collectTask, mapTask, combineTask,
                reduceTask, maxCollectRecords, jobData, timeoutS, seed, policy);
    }

    public JobSpec withAoi(List<SatId> satellites) {
        return new JobSpec(jobId, collectors, satellites, allocator, reducerPlacement, collectTask, mapTask, combineTask,
                reduceTask, maxCollectRecords, jobData, timeoutS, seed, onFailure);
    }

    public JobSpec {
        aoi = List.copyOf(aoi);
        combineTask = combineTask == null ? "" : combineTask;
        onFailure = onFailure == null ? FailurePolicy.FAIL : onFailure;
    }

    /** The reducer satellite when the job names one ("sat,orb"), else null: a placement rule decides. */
    public SatId fixedReducer() {
        return reducerPlacement != null && reducerPlacement.indexOf(',') >= 0 ? SatId.parse(reducerPlacement) : null;
    }

    /** Checks what can be checked without the constellation; throws naming the field. */
    public void validate() {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("jobid must not be blank");
        }
        if (collectors < 1) {
            throw new IllegalArgumentException("collectors must be >= 1, got " + collectors);
        }
        if (aoi.size() < 2 * collectors) {
            throw new IllegalArgumentException("collectors must be <= aoi size / 2 = " + aoi.size() / 2
                    + " (the aoi holds " + aoi.size() + " satellites: k collectors and k candidate mappers), got " + collectors);
        }
        Set<SatId> seen = new HashSet<>();
        for (SatId s : aoi) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException("aoi lists satellite " + s + " twice");
            }
        }
        if (maxCollectRecords < 1) {
            throw new IllegalArgumentException("max_collect_records must be >= 1, got " + maxCollectRecords);
        }
        if (!(timeoutS > 0) || Double.isInfinite(timeoutS)) {
            throw new IllegalArgumentException("timeout must be > 0 seconds, got " + timeoutS);
        }
    }
}
