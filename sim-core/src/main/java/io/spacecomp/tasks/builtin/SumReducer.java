package io.spacecomp.tasks.builtin;

import io.spacecomp.tasks.FoldingReducer;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.util.List;

/** {@code sumreducer}: adds {key: count} objects key by key, a batch at a time. */
public final class SumReducer implements FoldingReducer {

    @Override
    public String name() {
        return "sumreducer";
    }

    @Override
    public Fold start(TaskContext ctx) {
        Counts counts = new Counts();
        return new Fold() {
            @Override
            public void add(List<Record> records) {
                counts.add(records);
            }

            @Override
            public Record result() {
                return Record.of(counts.result());
            }
        };
    }
}
