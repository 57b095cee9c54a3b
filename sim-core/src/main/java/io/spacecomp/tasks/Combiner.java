package io.spacecomp.tasks;

import java.util.List;

/** Combines one batch of collected records on the collector itself ("skip map"); the result goes to the reducer. */
public interface Combiner extends Task {

    Record combine(TaskContext ctx, List<Record> records) throws Exception;
}
