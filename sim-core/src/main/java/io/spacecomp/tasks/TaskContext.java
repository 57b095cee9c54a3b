package io.spacecomp.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.orbit.shell.SatId;

import java.nio.file.Path;

/**
 * What a task knows about the job and the satellite it runs on.
 *
 * @param jobId      the job
 * @param dataId     this collector's index, 1..dataSize (0 outside collectors and combiners)
 * @param dataSize   number of collectors k
 * @param jobData    the job's free JSON for the tasks
 * @param satellite  where the task runs
 * @param dataFiles  the only files a task may read
 */
public record TaskContext(String jobId, int dataId, int dataSize, JsonNode jobData, SatId satellite, DataFiles dataFiles) {

    /** Resolves a file named by the job inside the data directory; refuses anything outside it. */
    public Path dataFile(String name) {
        return dataFiles.resolve(name);
    }
}
