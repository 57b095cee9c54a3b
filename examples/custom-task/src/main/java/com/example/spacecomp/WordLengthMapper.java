package com.example.spacecomp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Mapper;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.util.List;
import java.util.TreeMap;

/**
 * {@code wordlengths}: for a batch of text lines (what {@code doccollector} reads), how many words have each
 * length, as {@code {"<length>": count}}. Words are what lies between single spaces, as the built-in word
 * count splits them; a length is counted in Unicode code points.
 */
public final class WordLengthMapper implements Mapper {

    @Override
    public String name() {
        return "wordlengths";
    }

    @Override
    public List<Record> map(TaskContext ctx, List<Record> records) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (Record r : records) {
            if (!r.value().isTextual()) {
                throw new IllegalArgumentException("wordlengths expects text lines, got " + r.value().getNodeType());
            }
            for (String word : r.value().textValue().split(" ", -1)) {
                histogram.merge(word.codePointCount(0, word.length()), 1L, Long::sum);
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        histogram.forEach((length, count) -> out.put(Integer.toString(length), count));
        return List.of(Record.of(out));
    }
}
