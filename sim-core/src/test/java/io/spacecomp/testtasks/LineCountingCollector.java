package io.spacecomp.testtasks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.builtin.DocCollector;

import java.util.ArrayList;
import java.util.List;

/** A user task found through ServiceLoader: reads lines like doccollector, emits each line's {word: count}. */
public final class LineCountingCollector implements Collector {

    @Override
    public String name() {
        return "linecountingcollector";
    }

    @Override
    public List<Record> collect(TaskContext ctx) throws Exception {
        List<Record> out = new ArrayList<>();
        for (Record line : new DocCollector().collect(ctx)) {
            ObjectNode counts = JsonNodeFactory.instance.objectNode();
            for (String w : line.value().textValue().split(" ", -1)) {
                counts.put(w, counts.path(w).asLong(0) + 1);
            }
            out.add(Record.of(counts));
        }
        return out;
    }
}
