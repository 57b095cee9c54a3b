package io.spacecomp.tasks.builtin;

import io.spacecomp.tasks.FoldingReducer;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

/** {@code sumreducer}: adds {key: count} objects key by key, a batch at a time. */
public final class SumReducer implements FoldingReducer {

    @Override
    public String name() {
        return "sumreducer";
    }

    @Override
    public Fold start(TaskContext ctx) {
        return Counts.fold(Record::of);
    }
}
