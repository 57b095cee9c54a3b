package io.spacecomp.experiments;

import io.spacecomp.tasks.TaskClasspath;
import io.spacecomp.tasks.TaskRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the experiments of one invocation share: the progress display and a memo of sweeps that sibling
 * figures both draw from (figures 3/4, 7/8 and 9/10 are each one sweep), so {@code reproduce} computes
 * each sweep once. The memo is looked up by key only; it is never iterated.
 */
public final class SweepContext {

    private final ProgressSink progress;
    private final TaskRegistry tasks;
    private final Map<Object, Object> memo = new HashMap<>();

    public SweepContext(ProgressSink progress) {
        this(progress, TaskClasspath.builtin().registry());
    }

    /** With the tasks of the user's jars ({@code --tasks}) beside the built-in ones, for the simulated jobs. */
    public SweepContext(ProgressSink progress, TaskRegistry tasks) {
        this.progress = progress;
        this.tasks = tasks;
    }

    /** The tasks simulated jobs run. */
    public TaskRegistry tasks() {
        return tasks;
    }

    public ProgressSink progress() {
        return progress;
    }

    /** The value computed for {@code key}, computing it on first use. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T memo(Object key, Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.put(key, v);
        }
        return (T) v;
    }
}
