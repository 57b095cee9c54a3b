package io.spacecomp.tasks.builtin;

import io.spacecomp.tasks.Combiner;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.util.List;

/** {@code mergecombiner}: merges a batch of {key: count} objects into one on the collector ("skip map"). */
public final class MergeCombiner implements Combiner {

    @Override
    public String name() {
        return "mergecombiner";
    }

    @Override
    public Record combine(TaskContext ctx, List<Record> records) {
        return Record.of(Counts.sum(records));
    }
}
