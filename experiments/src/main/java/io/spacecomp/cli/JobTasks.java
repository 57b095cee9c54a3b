package io.spacecomp.cli;

import io.spacecomp.tasks.TaskRegistry;

/** Checks that the tasks a job names exist, each reported by its flag (job's names) with the names available. */
final class JobTasks {

    private JobTasks() {
    }

    /**
     * @param combine the combiner, or empty on the map path (the mapper is then required, else it is never looked up)
     */
    static void check(TaskRegistry tasks, String collect, String combine, String map, String reduce) {
        Flags.oneOf("-ct/--collecttask", collect, tasks.collectors().keySet());
        if (combine.isEmpty()) {
            Flags.oneOf("-mt/--maptask", map, tasks.mappers().keySet());
        } else {
            Flags.oneOf("-cbt/--combinetask", combine, tasks.combiners().keySet());
        }
        Flags.oneOf("-rt/--reducetask", reduce, tasks.reducers().keySet());
    }
}
