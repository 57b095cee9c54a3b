package io.spacecomp.cli;

import io.spacecomp.experiments.ExperimentRunner;
import io.spacecomp.experiments.Experiments;
import io.spacecomp.experiments.Overrides;
import io.spacecomp.experiments.PaperExperiments;
import io.spacecomp.experiments.SweepContext;
import io.spacecomp.experiments.study.Study;
import io.spacecomp.scenario.ConstellationSpec;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Runs a study described by a scenario file (four files for each metric), or one of the paper's
 * experiments as {@code scenarios/paper/NAME.yaml} describes it ({@code NAME.csv}, {@code .png},
 * {@code .svg}, {@code .json}).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run a study from a scenario file (--scenario FILE), or one of the paper's experiments (NAME).",
                "--tle FILE [--shell K] runs the study on a TLE catalogue's shell: the scenario's, in place of its constellation, "
                        + "or alone what a file giving only that constellation runs.",
                "A study writes NAME-METRIC.{csv,png,svg,json} for map-cost, reduce-cost, distance, hops, job-time and ground-time "
                        + "into ./NAME (the scenario's name) unless --out says otherwise.",
                "NAME: routing-distance (fig. 3), routing-hops (fig. 4), map-allocation (fig. 5), map-cost (fig. 6), "
                        + "reduce-placement (fig. 7), reduction-factor (fig. 8), map-contention (fig. 9), reduce-contention (fig. 10), "
                        + "as scenarios/paper/NAME.yaml describes it; written into ./NAME unless --out says otherwise "
                        + "(reproduce writes results/)."})
final class ExperimentCommand implements Runnable {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Names.class,
            description = "A paper experiment: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "A scenario file (YAML): a study (see scenarios/examples/) or a paper figure (scenarios/paper/).")
    Path scenario;

    @Mixin
    SweepOptions options;

    @Mixin
    TleOptions tleOptions;

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
        ScenarioFile file;
        ConstellationSpec.Tle tle = null;
        if (tleOptions.present()) {
            Flags.require(name == null, "--tle", "a study's flag (alone, or with --scenario FILE); the paper's figure " + name
                    + " sweeps Walker shells", tleOptions.tle);
            Flags.require(!spec.commandLine().getParseResult().hasMatchedOption("--planes"), "--planes",
                    "not with --tle (the catalogue's shell has one grid)", options.planes);
            tleOptions.load(spec); // names --tle or --shell, the file and the reason when it forms no such shell
            tle = new ConstellationSpec.Tle(tleOptions.tle, tleOptions.shell);
        }
        if (scenario != null) {
            Flags.require(name == null, "NAME", "no NAME with --scenario (the file names its experiment)", name);
            file = StudyCommandSupport.read(scenario, tle);
            Flags.require(tle == null || file.base().isStudy(), "--tle", "only with a study scenario (" + scenario + " is the paper's "
                    + file.base().experiment() + ")", tleOptions.tle);
        } else if (tle != null) {
            file = ScenarioReader.tleStudy(tle);
        } else if (name != null) {
            Flags.oneOf("NAME", name, Experiments.NAMES);
            file = PaperExperiments.load(name);
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(), "give NAME (a paper experiment), --scenario FILE or --tle FILE");
        }
        Overrides overrides = options.toOverrides();
        Path out = options.out != null ? options.outDir() : StudyCommandSupport.defaultOut(file.base().name());
        SweepContext context = options.context();
        if (file.base().isStudy()) {
            Flags.require(overrides.planes() == null, "--planes", "no --planes with a study (it sweeps what its file's 'sweep' says)",
                    overrides.planes());
            StudyCommandSupport.runStudy(file, new Study.Options(overrides.quick(), overrides.runs(), overrides.seed(),
                    overrides.threads()), context.tasks(), out, options, w);
        } else {
            ExperimentRunner.Outcome outcome = PaperExperiments.run(file, overrides, out, context);
            if (options.json) {
                w.println(ExperimentRunner.toJson(outcome.report()));
            } else {
                Reports.printOutcome(w, outcome, out);
            }
        }
        w.flush();
    }
}
