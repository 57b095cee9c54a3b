package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.wire.Wire;
import io.spacecomp.tasks.DataFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a job runs, with {@code job}'s flags and defaults: the task names ({@code -ct}, {@code -cbt}, {@code -mt},
 * {@code -rt}), {@code --skip-map}, and the job data file ({@code -d}); for commands that run jobs themselves.
 */
public final class JobTaskOptions {

    @Option(names = {"-ct", "--collecttask"}, defaultValue = "doccollector", description = "Collector task (default: ${DEFAULT-VALUE}).")
    String collectTask;

    @Option(names = {"-cbt", "--combinetask"}, defaultValue = "mergecombiner",
            description = "Combiner task, used with --skip-map (default: ${DEFAULT-VALUE}).")
    String combineTask;

    @Option(names = {"-mt", "--maptask"}, defaultValue = "wordcountmapper", description = "Mapper task (default: ${DEFAULT-VALUE}).")
    String mapTask;

    @Option(names = {"-rt", "--reducetask"}, defaultValue = "sumreducer", description = "Reducer task (default: ${DEFAULT-VALUE}).")
    String reduceTask;

    @Option(names = "--skip-map", description = "Combine on the collectors and send straight to the reducer (the combiner path).")
    boolean skipMap;

    @Option(names = {"-d", "--job-data"}, paramLabel = "JSON-FILE",
            description = "Job data for the tasks: a file holding one JSON object, as job's -d.")
    Path jobDataFile;

    /** The tasks named; the combiner only with {@code --skip-map}. */
    JobTasks named() {
        return new JobTasks(collectTask, skipMap ? combineTask : "", mapTask, reduceTask);
    }

    /** Whether {@code -d} was given. */
    boolean hasJobData() {
        return jobDataFile != null;
    }

    /** The object in {@code -d}'s file; a {@code filename} in it must name a file in the data directory. */
    JsonNode jobData(DataFiles files) {
        Flags.require(Files.isRegularFile(jobDataFile), "-d/--job-data", "a readable JSON file", jobDataFile);
        JsonNode d;
        try {
            d = Wire.parse(Files.readAllBytes(jobDataFile));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for -d/--job-data: " + jobDataFile + " is not JSON (" + e.getMessage() + ")");
        }
        Flags.require(d.isObject(), "-d/--job-data", "a file holding one JSON object", jobDataFile);
        if (d.path("filename").isTextual()) {
            try {
                files.resolve(d.get("filename").textValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid value for -d/--job-data: " + e.getMessage());
            }
        }
        return d;
    }
}
