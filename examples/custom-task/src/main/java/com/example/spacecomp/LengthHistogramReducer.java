package com.example.spacecomp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.Reducer;
import io.spacecomp.tasks.TaskContext;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code lengthhistogram}: adds the mappers' {@code {"<length>": count}} histograms and returns
 * {@code {"words": W, "letters": L, "histogram": {"<length>": count, ...}}}, lengths in increasing order,
 * where L is the sum of every word's length.
 */
public final class LengthHistogramReducer implements Reducer {

    @Override
    public String name() {
        return "lengthhistogram";
    }

    @Override
    public Record reduce(TaskContext ctx, List<Record> records) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (Record r : records) {
            for (Iterator<Map.Entry<String, JsonNode>> it = r.value().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                histogram.merge(Integer.parseInt(e.getKey()), e.getValue().asLong(), Long::sum);
            }
        }
        long words = 0;
        long letters = 0;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            words += e.getValue();
            letters += e.getKey() * e.getValue();
            h.put(Integer.toString(e.getKey()), e.getValue());
        }
        out.put("words", words);
        out.put("letters", letters);
        out.set("histogram", h);
        return Record.of(out);
    }
}
