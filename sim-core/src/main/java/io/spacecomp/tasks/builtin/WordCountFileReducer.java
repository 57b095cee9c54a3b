package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spacecomp.tasks.Attachment;
import io.spacecomp.tasks.FoldingReducer;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code wordcountfile}: adds {key: count} objects as {@code sumreducer} does, and returns the result as a
 * file: {@code job_data.output} (default {@value #DEFAULT_FILE}), RFC 4180 CSV with the header
 * {@code word,count} and one row per word, most frequent first (ties by word). The result's value is
 * {@code {"files": [name], "keys": n, "total": sum}}; the gateway serves the file on {@code /download}. Batches are
 * added up as they arrive; the file is made once, from the totals.
 */
public final class WordCountFileReducer implements FoldingReducer {

    public static final String DEFAULT_FILE = "wordcount.csv";

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumn("word").addNumberColumn("count").build().withHeader()
            .withLineSeparator("\n");

    /** One CSV row. */
    record Row(String word, long count) {
    }

    @Override
    public String name() {
        return "wordcountfile";
    }

    @Override
    public Fold start(TaskContext ctx) {
        String file = outputName(ctx);
        return Counts.fold(totals -> file(totals, file));
    }

    private static String outputName(TaskContext ctx) {
        JsonNode output = ctx.jobData() == null ? null : ctx.jobData().get("output");
        if (output == null) {
            return DEFAULT_FILE;
        }
        if (!output.isTextual()) {
            throw new IllegalArgumentException("job_data.output must be a file name, got " + output.getNodeType());
        }
        return output.textValue();
    }

    private static Record file(ObjectNode sums, String file) throws IOException {
        List<Row> rows = new ArrayList<>(sums.size());
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = sums.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            rows.add(new Row(e.getKey(), e.getValue().asLong()));
            total += e.getValue().asLong();
        }
        rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::word));
        String csv = CSV.writer(SCHEMA).writeValueAsString(rows);
        Attachment attachment = new Attachment(file, csv.getBytes(StandardCharsets.UTF_8));
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.putArray("files").add(file);
        v.put("keys", rows.size());
        v.put("total", total);
        return new Record(v, attachment);
    }
}
