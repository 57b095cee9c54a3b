package io.spacecomp.tasks;

import java.util.List;

/**
 * Reduces every record of every mapper, exactly once, into the job's result: a JSON value, or a file
 * (the result record's attachment).
 */
public interface Reducer extends Task {

    Record reduce(TaskContext ctx, List<Record> records) throws Exception;
}
