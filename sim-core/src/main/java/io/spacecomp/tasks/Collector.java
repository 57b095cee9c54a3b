package io.spacecomp.tasks;

import java.util.List;

/** Produces the records of one collector (data id {@code ctx.dataId()} of {@code ctx.dataSize()}). */
public interface Collector extends Task {

    List<Record> collect(TaskContext ctx) throws Exception;
}
