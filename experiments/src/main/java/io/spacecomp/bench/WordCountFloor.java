package io.spacecomp.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.Mapper;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.Reducer;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.TaskRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The floor of a live word count: the same built-in tasks a job runs (doccollector over the whole file,
 * wordcountmapper over batches of 1,024 lines, sumreducer over their outputs), one after the other in one
 * thread of one JVM, no network. {@code scripts/measure-emulation.sh} runs it with the planes' JVM options
 * and divides every live figure by it. Prints the best and the median of the timed runs (ms) and the count.
 *
 * <p>Usage: {@code java -cp ... io.spacecomp.bench.WordCountFloor DATA_DIR FILE [RUNS]}
 */
public final class WordCountFloor {

    private WordCountFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WordCountFloor DATA_DIR FILE [RUNS]");
            System.exit(2);
        }
        DataFiles data = new DataFiles(Path.of(args[0]));
        String file = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        TaskRegistry tasks = TaskRegistry.discover();
        Collector collector = tasks.collector("doccollector").orElseThrow();
        Mapper mapper = tasks.mapper("wordcountmapper").orElseThrow();
        Reducer reducer = tasks.reducer("sumreducer").orElseThrow();
        ObjectNode jobData = JsonNodeFactory.instance.objectNode().put("filename", file);
        TaskContext ctx = new TaskContext("floor", 1, 1, jobData, new SatId(1, 1), data);
        double[] ms = new double[runs];
        long words = 0;
        int keys = 0;
        for (int r = -runs; r < runs; r++) { // the first half warms up
            long t0 = System.nanoTime();
            List<Record> lines = collector.collect(ctx);
            List<Record> partials = new ArrayList<>();
            for (int from = 0; from < lines.size(); from += 1024) {
                partials.addAll(mapper.map(ctx, lines.subList(from, Math.min(lines.size(), from + 1024))));
            }
            Record total = reducer.reduce(ctx, partials);
            long t1 = System.nanoTime();
            if (r >= 0) {
                ms[r] = (t1 - t0) / 1e6;
            }
            words = 0;
            for (var it = total.value().elements(); it.hasNext(); ) {
                words += it.next().asLong();
            }
            keys = total.value().size();
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "floor: single-process word count of %s: best %.1f ms, median %.1f ms over %d runs (%d keys, %d words)%n",
                file, ms[0], ms[runs / 2], runs, keys, words);
    }
}
