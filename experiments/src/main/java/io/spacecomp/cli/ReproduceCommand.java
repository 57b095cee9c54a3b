package io.spacecomp.cli;

import io.spacecomp.experiments.ExperimentConfig;
import io.spacecomp.experiments.ExperimentRunner;
import io.spacecomp.experiments.Overrides;
import io.spacecomp.experiments.PaperExperiments;
import io.spacecomp.experiments.SweepContext;
import io.spacecomp.scenario.ScenarioFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every experiment of the paper (figures 3-10) as {@code scenarios/paper/*.yaml} describe them, in figure
 * order, sharing the sweeps sibling figures have in common.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run all eight experiments (figures 3-10) of scenarios/paper/*.yaml into the output directory: "
                + "CSV, PNG, SVG and JSON each.")
final class ReproduceCommand implements Runnable {

    @Mixin
    SweepOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Overrides overrides = options.toOverrides();
        List<ScenarioFile> files = PaperExperiments.all();
        ExperimentConfig config = ExperimentConfig.of(files.get(0), overrides);
        Path out = options.outDir();
        SweepContext context = options.context();
        PrintWriter w = spec.commandLine().getOut();
        long start = System.nanoTime(); // wall time for the terminal only; nothing written to files reads it
        List<Map<String, Object>> done = new ArrayList<>();
        for (ScenarioFile file : files) {
            long t0 = System.nanoTime();
            ExperimentRunner.Outcome outcome = PaperExperiments.run(file, overrides, out, context);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (options.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("experiment", outcome.name());
                m.put("rows", outcome.rows());
                m.put("wall_s", Math.round(seconds * 100) / 100.0);
                m.put("summary", outcome.summary());
                done.add(m);
            } else {
                Reports.printOutcome(w, outcome, out);
                w.printf("  (%.1f s)%n%n", seconds);
                w.flush();
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        if (options.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("seed", config.seed());
            m.put("runs", config.runs());
            m.put("quick", config.quick());
            m.put("threads", config.threads());
            m.put("wall_s", Math.round(total * 100) / 100.0);
            m.put("experiments", done);
            w.println(ExperimentRunner.toJson(m));
        } else {
            w.printf("reproduce: %d experiments, %d runs per point, seed %d, %d threads: %.1f s; results in %s%n",
                    files.size(), config.runs(), config.seed(), config.threads(), total, out);
        }
        w.flush();
    }
}
