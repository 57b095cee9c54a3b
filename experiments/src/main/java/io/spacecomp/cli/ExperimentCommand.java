package io.spacecomp.cli;

import io.spacecomp.experiments.Experiment;
import io.spacecomp.experiments.ExperimentConfig;
import io.spacecomp.experiments.ExperimentRunner;
import io.spacecomp.experiments.Experiments;
import io.spacecomp.experiments.SweepContext;
import io.spacecomp.experiments.study.Study;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.tasks.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Runs one of the paper's experiments ({@code NAME.csv}, {@code .png}, {@code .svg}, {@code .json}), or
 * a study described by a scenario file (those four files for each metric).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run a study from a scenario file (--scenario FILE), or one of the paper's experiments (NAME).",
                "A study writes NAME-METRIC.{csv,png,svg,json} for map-cost, reduce-cost, distance, hops and job-time "
                        + "into ./NAME (the scenario's name) unless --out says otherwise.",
                "NAME: routing-distance (fig. 3), routing-hops (fig. 4), map-allocation (fig. 5), map-cost (fig. 6), "
                        + "reduce-placement (fig. 7), reduction-factor (fig. 8), map-contention (fig. 9), reduce-contention (fig. 10); "
                        + "written into ./NAME unless --out says otherwise (reproduce writes results/)."})
final class ExperimentCommand implements Runnable {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Names.class,
            description = "A paper experiment: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario file (YAML): see scenarios/examples/.")
    Path scenario;

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
        PrintWriter w = spec.commandLine().getOut();
        if (scenario != null) {
            Flags.require(name == null, "NAME", "no NAME with --scenario (the file names its experiment)", name);
            runScenario(w);
            w.flush();
            return;
        }
        if (name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give NAME (a paper experiment) or --scenario FILE");
        }
        Flags.oneOf("NAME", name, Experiments.NAMES);
        ExperimentConfig config = options.toConfig();
        Path out = options.out != null ? options.outDir() : StudyCommandSupport.defaultOut(name);
        Experiment<?> experiment = Experiments.byName(name);
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(experiment, config, out, new SweepContext(options.progress()));
        if (options.json) {
            w.println(ExperimentRunner.toJson(outcome.report()));
        } else {
            Reports.printOutcome(w, outcome, out);
        }
        w.flush();
    }

    private void runScenario(PrintWriter w) {
        Flags.require(options.planes == null, "--planes", "no --planes with --scenario (sweep sizes in the file's 'sweep')",
                String.join(",", options.planes == null ? java.util.List.of() : options.planes));
        ScenarioFile file = StudyCommandSupport.read(scenario);
        if (!file.base().isStudy()) {
            throw new IllegalArgumentException(scenario + ": experiment: " + file.base().experiment()
                    + " is a paper figure; run it with `experiment " + file.base().experiment() + "`");
        }
        ExperimentConfig config = options.toConfig(); // validates --runs and --threads
        Integer runs = options.runs;
        boolean seedGiven = spec.commandLine().getParseResult().hasMatchedOption("--seed");
        Flags.require(!seedGiven, "--seed", "no --seed with --scenario (set 'seed' in the file)", options.seed);
        Path out = options.out != null ? options.outDir() : StudyCommandSupport.defaultOut(file.base().name());
        StudyCommandSupport.runStudy(file, new Study.Options(options.quick, runs, config.threads()), TaskRegistry.discover(),
                out, options, w);
    }
}
