package io.spacecomp.cli;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs the JMH benchmarks (allocators, routers) and prints a table of the results. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "JMH benchmarks: allocators at k = 50..2000 and route computation on 100x100; prints a table.")
final class BenchCommand implements Runnable {

    @Option(names = "--include", defaultValue = "io.spacecomp.bench.*", paramLabel = "REGEX",
            description = "Benchmarks to run, a JMH regular expression (default: ${DEFAULT-VALUE}).")
    String include;

    @Option(names = "--quick", description = "1 warm-up and 3 measured iterations of 1 s (default: 3 and 5 of 2 s).")
    boolean quick;

    @Option(names = "--verbose", description = "Show JMH's own output.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        try {
            Jmh.run(this);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("bench needs JMH, which the container image leaves out: run it from the project ("
                    + e.getMessage() + " missing)", e);
        }
    }

    /**
     * Everything that names JMH's types, kept out of BenchCommand's own methods: the container image has no JMH, and
     * picocli reflects on every command's methods when the command line is built.
     */
    private static final class Jmh {
        private Jmh() {
        }

        static void run(BenchCommand c) {
            String include = c.include;
            boolean quick = c.quick;
            boolean verbose = c.verbose;
            CommandLine.Model.CommandSpec spec = c.spec;
            ChainedOptionsBuilder options = new OptionsBuilder().include(include).forks(1)
                    .warmupIterations(quick ? 1 : 3).measurementIterations(quick ? 3 : 5)
                    .warmupTime(TimeValue.seconds(quick ? 1 : 2)).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                    .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
                    .jvmArgsAppend("-Djava.awt.headless=true");
            Collection<RunResult> results;
            try {
                results = new Runner(options.build()).run();
            } catch (RunnerException e) {
                throw new IllegalStateException("benchmark run failed: " + e.getMessage(), e);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf("| %-40s | %-28s | %14s | %12s | %-6s |%n", "benchmark", "parameters", "score", "error (99.9%)", "unit");
            w.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(42), "-".repeat(30), "-".repeat(16), "-".repeat(14), "-".repeat(8));
            List<RunResult> sorted = new ArrayList<>(results);
            sorted.sort((a, b) -> (a.getParams().getBenchmark() + a.getParams()).compareTo(b.getParams().getBenchmark() + b.getParams()));
            for (RunResult r : sorted) {
                Map<String, String> params = new TreeMap<>();
                for (String key : r.getParams().getParamsKeys()) {
                    params.put(key, r.getParams().getParam(key));
                }
                String name = r.getParams().getBenchmark().replace("io.spacecomp.bench.", "");
                w.printf("| %-40s | %-28s | %14.3f | %12.3f | %-6s |%n", name, params, r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit());
            }
            w.flush();
        }
    }
}
