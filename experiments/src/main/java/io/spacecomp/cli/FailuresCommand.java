package io.spacecomp.cli;

import io.spacecomp.experiments.faults.FailureExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Completion and job time against the crash rate, fail vs replan over the same seeded fault draws. */
@Command(name = "failures", mixinStandardHelpOptions = true,
        description = "Jobs under failure: completion and job time against the satellites' crash rate, fail vs replan.")
final class FailuresCommand implements Runnable {

    @Option(names = "--runs", defaultValue = "20", description = "Seeded runs per point and policy, 1..1000 (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mtbf", split = ",", paramLabel = "S",
            description = "Each satellite's mean time between crashes, one point each (default: 100000,30000,10000,3000,1000,300).")
    List<Double> mtbf;

    @Option(names = "--out", defaultValue = "failures", paramLabel = "DIR",
            description = "Output directory (default: ./${DEFAULT-VALUE} under the working directory; the committed figures "
                    + "are regenerated with --out results).")
    Path out;

    @Option(names = "--quick", description = "4 runs per point.")
    boolean quick;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Flags.require(runs >= 1 && runs <= 1000, "--runs", "an integer in [1, 1000]", runs);
        FailureExperiment.Config c = FailureExperiment.Config.defaults(Home.dataDir()).withSeed(seed)
                .withRuns(quick ? 4 : runs);
        if (mtbf != null) {
            for (double m : mtbf) {
                Flags.require(m > 0 && Double.isFinite(m), "--mtbf", "seconds > 0", m);
            }
            c = c.withMtbf(new ArrayList<>(mtbf));
        }
        PrintWriter w = spec.commandLine().getOut();
        List<FailureExperiment.JobRow> rows = FailureExperiment.run(c, line -> {
            if (!quiet) {
                w.println(line);
                w.flush();
            }
        });
        List<Path> files = FailureExperiment.write(c, rows, out);
        for (FailureExperiment.Summary s : FailureExperiment.summarise(c, rows)) {
            w.println(String.format(Locale.ROOT, "mtbf %8.0f s  %-6s  completed %5.1f %%  job time %7.3f s  re-plans/job %.3f  inexact %d",
                    s.mtbfS(), s.policy().cliName(), 100 * s.completion(), s.jobTimeMeanS(), s.replansPerJob(), s.inexact()));
        }
        files.forEach(f -> w.println("wrote " + f));
        w.flush();
    }
}
