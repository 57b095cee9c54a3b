package io.spacecomp.tasks.builtin;

import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.Reducer;
import io.spacecomp.tasks.TaskContext;

import java.util.List;

/** {@code sumreducer}: adds {key: count} objects key by key. */
public final class SumReducer implements Reducer {

    @Override
    public String name() {
        return "sumreducer";
    }

    @Override
    public Record reduce(TaskContext ctx, List<Record> records) {
        return Record.of(Counts.sum(records));
    }
}
