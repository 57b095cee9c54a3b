package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Mapper;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wordcountmapper}: counts the words of a batch of text lines, a word being what lies between
 * single spaces (as Python's {@code line.split(" ")}: two spaces in a row count an empty word).
 */
public final class WordCountMapper implements Mapper {

    @Override
    public String name() {
        return "wordcountmapper";
    }

    @Override
    public List<Record> map(TaskContext ctx, List<Record> records) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Record r : records) {
            if (!r.value().isTextual()) {
                throw new IllegalArgumentException("wordcountmapper expects text lines, got " + r.value().getNodeType());
            }
            for (String word : splitOnSpaces(r.value().textValue())) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        counts.forEach(out::put);
        return List.of(Record.of(out));
    }

    /** Splits on every single space, keeping empty words, like Python's str.split(" "). */
    static String[] splitOnSpaces(String line) {
        return line.split(" ", -1);
    }
}
