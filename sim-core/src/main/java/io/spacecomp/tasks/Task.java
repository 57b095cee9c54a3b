package io.spacecomp.tasks;

/** A named piece of user code, found by {@link TaskRegistry} with {@link java.util.ServiceLoader}. */
public interface Task {

    /** The name jobs use for this task, e.g. {@code wordcountmapper}. */
    String name();
}
