package io.spacecomp.protocol;

import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.trace.TraceSink;

/**
 * Everything a satellite's protocol logic may touch: the only doors to time, the network, user code,
 * files and the outside world.
 */
public record NodeServices(Clock clock, Transport transport, TaskRegistry tasks, DataFiles dataFiles,
                           JobPlanner planner, ProcessingModel processing, TraceSink trace, JobListener listener) {
}
