package io.spacecomp.tasks;

import java.util.List;

/** Transforms one batch of collected records into records for the reducer. */
public interface Mapper extends Task {

    List<Record> map(TaskContext ctx, List<Record> records) throws Exception;
}
