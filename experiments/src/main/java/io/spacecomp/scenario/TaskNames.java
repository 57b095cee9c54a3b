package io.spacecomp.scenario;

import io.spacecomp.tasks.TaskRegistry;

import java.util.Map;

/**
 * The tasks of a job, by registry name. A non-empty {@code combine} skips the map phase (collectors
 * stream straight to the reducer through the combiner), as leopymr's {@code combine_task} does.
 */
public record TaskNames(String collect, String map, String combine, String reduce) {

    /** The reference word count. */
    public static final TaskNames WORD_COUNT = new TaskNames("doccollector", "wordcountmapper", "", "sumreducer");

    public boolean skipsMap() {
        return !combine.isEmpty();
    }

    /**
     * Checks every name against {@code tasks} (built-ins plus the jars given with --tasks).
     *
     * @throws IllegalArgumentException naming the key {@code job.tasks.KIND} and the tasks of that kind there are
     */
    public void check(TaskRegistry tasks) {
        require("collect", collect, tasks.collectors());
        require("reduce", reduce, tasks.reducers());
        if (skipsMap()) {
            require("combine", combine, tasks.combiners());
        } else {
            require("map", map, tasks.mappers());
        }
    }

    private static void require(String key, String name, Map<String, ?> known) {
        if (!known.containsKey(name)) {
            throw new IllegalArgumentException("job.tasks." + key + ": '" + name + "' is not a task of this kind (known: "
                    + String.join(", ", known.keySet()) + "; add a jar with --tasks)");
        }
    }
}
