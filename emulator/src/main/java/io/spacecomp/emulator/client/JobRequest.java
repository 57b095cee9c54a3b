package io.spacecomp.emulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /submit} body leopymr's {@code job.py} builds, from its flags: a grid AOI of every (sat, orb)
 * with both indices in {@code [minSat, maxSat]} (job.py's {@code range(minsat, maxsat + 1)}: both ends
 * included), listed sat-major and shuffled exactly as Python's {@code random.seed(seed); random.shuffle}
 * does ({@link PythonRandom}), so the same {@code -s} gives job.py's AOI; the tasks;
 * {@code max_collect_records}; {@code job_data}. Where job.py computes the
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

    public JobRequest {
        if (minSat < 1 || maxSat < minSat) {
            throw new IllegalArgumentException("the AOI grid needs 1 <= minSat <= maxSat, got [" + minSat + ", " + maxSat + "]");
        }
    }

    /**
     * The AOI job.py lists for the same flags and seed: both indices in [minSat, maxSat], sat-major, then
     * shuffled as Python's {@code random} does. The gateway checks that they lie inside its shell.
     */
    public List<SatId> aoi() {
        List<SatId> grid = new ArrayList<>();
        for (int sat = minSat; sat <= maxSat; sat++) {
            for (int orb = minSat; orb <= maxSat; orb++) {
                grid.add(new SatId(sat, orb));
            }
        }
        new PythonRandom(seed).shuffle(grid);
        return grid;
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
