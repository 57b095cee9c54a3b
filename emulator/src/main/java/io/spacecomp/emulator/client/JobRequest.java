package io.spacecomp.emulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.wire.Wire;
import io.spacecomp.orbit.aoi.GridArea;
import io.spacecomp.orbit.shell.SatId;

import java.util.List;

/**
 * The {@code /submit} body leopymr's {@code job.py} builds, from its flags: a grid AOI of every (sat, orb)
 * with both indices in {@code [minSat, maxSat)} (Python's {@code range}, upper end excluded), shuffled
 * with the seed; the tasks; {@code max_collect_records}; {@code job_data}. Where job.py computes the
 * reducer itself (a plain mean of indices, wrong across the wrap), we send the placement rule and the
 * coordinator places it; we also send the seed, so a random allocation can be replayed.
 *
 * @param reducer  {@code los}, {@code center} or {@code median}
 * @param skipMap  take the combiner path (collectors combine and send straight to the reducer)
 */
public record JobRequest(int collectors, int minSat, int maxSat, long seed, String allocator, String reducer,
                         String collectTask, String combineTask, String mapTask, String reduceTask, int maxCollectRecords,
                         JsonNode jobData, boolean skipMap) {

    /** The same job with other tasks; {@code skipMap} takes the combiner path. */
    public JobRequest withTasks(String collect, String combine, String map, String reduce, boolean skip) {
        return new JobRequest(collectors, minSat, maxSat, seed, allocator, reducer, collect, combine, map, reduce,
                maxCollectRecords, jobData, skip);
    }

    /**
     * The AOI job.py would list: both indices in [minSat, maxSat), shuffled with the seed. The gateway
     * checks that they lie inside its shell.
     */
    public List<SatId> aoi() {
        return GridArea.shuffled(minSat, maxSat - 1, Integer.MAX_VALUE, Integer.MAX_VALUE, seed);
    }

    public ObjectNode body() {
        ObjectNode o = Wire.object();
        o.put("collectors", collectors);
        ArrayNode aoi = o.putArray("aoi");
        aoi().forEach(s -> aoi.add(Wire.sat(s)));
        o.put("allocator", allocator);
        o.put("collect_task", collectTask);
        o.put("combine_task", combineTask);
        o.put("map_task", mapTask);
        o.put("reduce_task", reduceTask);
        o.put("max_collect_records", maxCollectRecords);
        o.set("job_data", jobData);
        o.put("reducer", reducer);
        o.put("seed", seed);
        if (skipMap) {
            o.put("skip_map", true);
        }
        return o;
    }
}
