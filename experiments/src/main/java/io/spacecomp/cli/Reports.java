package io.spacecomp.cli;

import io.spacecomp.experiments.ExperimentRunner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** Human-readable summaries of experiment outcomes. */
final class Reports {

    private Reports() {
    }

    /** The files written and every summary entry that is a plain map from N to a number. */
    static void printOutcome(PrintWriter w, ExperimentRunner.Outcome o, Path out) {
        w.printf("%s (%s): %d rows -> %s/%s.{csv,png,svg,json}%n", o.name(), o.report().get("figure"), o.rows(), out, o.name());
        for (Map.Entry<String, Object> e : o.summary().entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && !m.isEmpty() && m.values().stream().allMatch(v -> v instanceof Number)) {
                StringBuilder sb = new StringBuilder();
                m.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "  %s: %s", k, v)));
                w.printf("  %-34s%s%n", e.getKey(), sb);
            }
        }
    }
}
