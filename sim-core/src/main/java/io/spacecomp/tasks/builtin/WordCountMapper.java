package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Mapper;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.util.ArrayList;
import java.util.HashMap;
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
        Map<String, long[]> counts = new HashMap<>();
        List<String> firstSeen = new ArrayList<>(); // output in order of first appearance, not hash order
        for (Record r : records) {
            if (!r.value().isTextual()) {
                throw new IllegalArgumentException("wordcountmapper expects text lines, got " + r.value().getNodeType());
            }
            String line = r.value().textValue();
            // Every single space separates two words, empty ones included, like Python's str.split(" ").
            for (int start = 0; ; ) {
                int space = line.indexOf(' ', start);
                String word = space < 0 ? line.substring(start) : line.substring(start, space);
                long[] c = counts.get(word);
                if (c == null) {
                    c = new long[1];
                    counts.put(word, c);
                    firstSeen.add(word);
                }
                c[0]++;
                if (space < 0) {
                    break;
                }
                start = space + 1;
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String w : firstSeen) {
            out.put(w, counts.get(w)[0]);
        }
        return List.of(Record.of(out));
    }
}
