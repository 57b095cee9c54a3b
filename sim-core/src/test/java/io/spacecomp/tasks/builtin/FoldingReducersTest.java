package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.sim.TestData;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.FoldingReducer;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The folding reducers give what one reduction of every record gives, whatever the batches and their order: the
 * word count of data/sample.txt cut as leopymr's default job cuts it (11 collectors, 1024 lines a batch), folded in
 * three seeded orders, against the single-process count and {@code reduce} of all records at once.
 */
class FoldingReducersTest {

    private static List<List<Record>> mapperOutputs() throws Exception {
        DataFiles data = new DataFiles(TestData.dataDir());
        List<List<Record>> out = new ArrayList<>();
        for (int id = 1; id <= 11; id++) {
            TaskContext ctx = new TaskContext("j", id, 11, JsonNodeFactory.instance.objectNode().put("filename", "sample.txt"),
                    new SatId(1, 1), data);
            List<Record> lines = new DocCollector().collect(ctx);
            for (int from = 0; from < lines.size(); from += 1024) {
                out.add(new WordCountMapper().map(ctx, lines.subList(from, Math.min(lines.size(), from + 1024))));
            }
        }
        return out;
    }

    private static TaskContext reducerContext() {
        return new TaskContext("j", 0, 11, JsonNodeFactory.instance.objectNode(), new SatId(5, 5), new DataFiles(TestData.dataDir()));
    }

    @Test
    void sumAndFileReducersFoldToTheSameResultInAnyOrder() throws Exception {
        List<List<Record>> batches = mapperOutputs();
        List<Record> all = new ArrayList<>();
        batches.forEach(all::addAll);
        Record whole = new SumReducer().reduce(reducerContext(), all);
        Map<String, Long> expected = new TreeMap<>(TestData.singleProcessCount(TestData.dataDir().resolve("sample.txt")));
        Map<String, Long> got = new TreeMap<>();
        whole.value().fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
        assertEquals(expected, got);
        assertEquals(TestData.SAMPLE_KEYS, got.size());
        Record wholeFile = new WordCountFileReducer().reduce(reducerContext(), all);
        for (long seed : new long[] {1, 2, 3}) {
            List<List<Record>> order = new ArrayList<>(batches);
            Collections.shuffle(order, new Random(seed));
            assertEquals(whole.value().toString(), fold(new SumReducer(), order).value().toString(), "seed " + seed);
            Record file = fold(new WordCountFileReducer(), order);
            assertEquals(wholeFile.value(), file.value());
            assertArrayEquals(wholeFile.attachment().bytes(), file.attachment().bytes(), "seed " + seed);
        }
    }

    private static Record fold(FoldingReducer reducer, List<List<Record>> batches) throws Exception {
        FoldingReducer.Fold f = reducer.start(reducerContext());
        for (List<Record> b : batches) {
            f.add(b);
        }
        return f.result();
    }
}
