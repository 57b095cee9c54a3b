package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordCountFileReducerTest {

    private static Record counts(Object... kv) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return Record.of(o);
    }

    private static TaskContext ctx(ObjectNode jobData) {
        return new TaskContext("j", 0, 2, jobData, new SatId(1, 1), new DataFiles(Path.of(".")));
    }

    @Test
    void sumsAndWritesCsvMostFrequentFirstQuotingWhereNeeded() throws Exception {
        Record r = new WordCountFileReducer().reduce(ctx(JsonNodeFactory.instance.objectNode()),
                List.of(counts("b", 2, "a,x", 1, "q\"uote", 3), counts("b", 1, "a,x", 2), Record.of(JsonNodeFactory.instance.nullNode())));
        assertEquals("wordcount.csv", r.attachment().name());
        assertEquals("word,count\n\"a,x\",3\nb,3\n\"q\"\"uote\",3\n", new String(r.attachment().bytes(), StandardCharsets.UTF_8));
        assertEquals("{\"files\":[\"wordcount.csv\"],\"keys\":3,\"total\":9}", r.value().toString());
    }

    @Test
    void jobDataNamesTheFileAndTheRegistryFindsTheTask() throws Exception {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("filename", "corpus.txt").put("output", "counts.csv");
        Record r = TaskRegistry.discover().reducer("wordcountfile").orElseThrow().reduce(ctx(data), List.of(counts("x", 1)));
        assertEquals("counts.csv", r.attachment().name());
        assertEquals("word,count\nx,1\n", new String(r.attachment().bytes(), StandardCharsets.UTF_8));
        data.put("output", "../escape.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WordCountFileReducer().reduce(ctx(data), List.of(counts("x", 1))));
        assertTrue(e.getMessage().contains("plain file name"), e.getMessage());
    }
}
