package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.FoldingReducer;
import io.spacecomp.tasks.Record;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Adding up {word: count} objects, shared by the sum reducers and the merge combiner. */
final class Counts {

    /** Running key-wise totals: records are added a batch at a time, in any order. */
    private final Map<String, long[]> total = new HashMap<>();

    /** The key-wise sum of every record's object value, keys sorted so the result is canonical. */
    static ObjectNode sum(List<Record> records) {
        Counts c = new Counts();
        c.add(records);
        return c.result();
    }

    /** Adds every record's {key: count} object to the totals. */
    void add(List<Record> records) {
        for (Record r : records) {
            JsonNode v = r.value();
            if (v.isNull()) {
                continue; // an empty batch's placeholder
            }
            if (!v.isObject()) {
                throw new IllegalArgumentException("expected {key: count} objects, got " + v.getNodeType());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().canConvertToLong()) {
                    throw new IllegalArgumentException("count of '" + e.getKey() + "' is not an integer: " + e.getValue());
                }
                total.computeIfAbsent(e.getKey(), k -> new long[1])[0] += e.getValue().asLong();
            }
        }
    }

    /** What a reducer makes of the totals in the end. */
    @FunctionalInterface
    interface Finish {
        Record of(ObjectNode totals) throws Exception;
    }

    /** A reducer's running fold: batches added to fresh totals, {@code finish} applied to them for the result. */
    static FoldingReducer.Fold fold(Finish finish) {
        Counts counts = new Counts();
        return new FoldingReducer.Fold() {
            @Override
            public void add(List<Record> records) {
                counts.add(records);
            }

            @Override
            public Record result() throws Exception {
                return finish.of(counts.result());
            }
        };
    }

    /** The totals as one object, keys sorted: the same whatever order the records came in. */
    ObjectNode result() {
        String[] keys = total.keySet().toArray(new String[0]);
        Arrays.sort(keys); // canonical order, whatever the arrival order
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String k : keys) {
            out.put(k, total.get(k)[0]);
        }
        return out;
    }
}
