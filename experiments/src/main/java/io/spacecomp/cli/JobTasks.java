package io.spacecomp.cli;

import io.spacecomp.tasks.TaskRegistry;

/**
 * The tasks a job names, as {@code job} names them: collector, combiner (empty on the map path), mapper, reducer.
 *
 * @param collect the collector
 * @param combine the combiner, or empty: then the mapper runs (the map path); else the combiner path ("skip map")
 * @param map     the mapper (never looked up on the combiner path)
 * @param reduce  the reducer
 */
record JobTasks(String collect, String combine, String map, String reduce) {

    JobTasks {
        combine = combine == null ? "" : combine;
    }

    /** Checks that every task the job runs exists, each reported by its flag (job's names) with the names available. */
    void check(TaskRegistry tasks) {
        Flags.oneOf("-ct/--collecttask", collect, tasks.collectors().keySet());
        if (combine.isEmpty()) {
            Flags.oneOf("-mt/--maptask", map, tasks.mappers().keySet());
        } else {
            Flags.oneOf("-cbt/--combinetask", combine, tasks.combiners().keySet());
        }
        Flags.oneOf("-rt/--reducetask", reduce, tasks.reducers().keySet());
    }
}
