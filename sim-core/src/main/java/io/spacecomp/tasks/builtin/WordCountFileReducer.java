package io.spacecomp.tasks.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spacecomp.tasks.Attachment;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.Reducer;
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
 * {@code {"files": [name], "keys": n, "total": sum}}; the gateway serves the file on {@code /download}.
 */
public final class WordCountFileReducer implements Reducer {

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
    public Record reduce(TaskContext ctx, List<Record> records) throws IOException {
        ObjectNode sums = Counts.sum(records);
        String file = DEFAULT_FILE;
        JsonNode output = ctx.jobData() == null ? null : ctx.jobData().get("output");
        if (output != null) {
            if (!output.isTextual()) {
                throw new IllegalArgumentException("job_data.output must be a file name, got " + output.getNodeType());
            }
            file = output.textValue();
        }
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
