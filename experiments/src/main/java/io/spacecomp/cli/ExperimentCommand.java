package io.spacecomp.cli;

import io.spacecomp.experiments.Experiment;
import io.spacecomp.experiments.ExperimentConfig;
import io.spacecomp.experiments.ExperimentRunner;
import io.spacecomp.experiments.Experiments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Runs one of the paper's experiments: {@code NAME.csv}, {@code NAME.png}, {@code NAME.svg} and
 * {@code NAME.json} in the output directory.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run one of the paper's experiments (figures 3-10) and write NAME.csv, NAME.png, NAME.svg, NAME.json.",
                "NAME: routing-distance (fig. 3), routing-hops (fig. 4), map-allocation (fig. 5), map-cost (fig. 6), "
                        + "reduce-placement (fig. 7), reduction-factor (fig. 8), map-contention (fig. 9), reduce-contention (fig. 10)."})
final class ExperimentCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Names.class,
            description = "The experiment: ${COMPLETION-CANDIDATES}.")
    String name;

    @Mixin
    SweepOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Experiments.NAMES.iterator();
        }
    }

    @Override
    public void run() {
        Flags.oneOf("NAME", name, Experiments.NAMES);
        ExperimentConfig config = options.toConfig();
        Path out = options.outDir();
        Experiment<?> experiment = Experiments.byName(name);
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(experiment, config, out, options.context());
        PrintWriter w = spec.commandLine().getOut();
        if (options.json) {
            w.println(ExperimentRunner.toJson(outcome.report()));
        } else {
            Reports.printOutcome(w, outcome, out);
        }
        w.flush();
    }
}
