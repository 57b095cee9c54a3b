package io.spacecomp.experiments;

import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.scenario.ConstellationSpec;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.ScenarioReader;
import io.spacecomp.scenario.SweepAxis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The paper's figures as scenario files: {@code scenarios/paper/NAME.yaml} under the project root, one per
 * experiment, and how a scenario file whose {@code experiment} names a figure is run.
 */
public final class PaperExperiments {

    /** Where the paper's scenario files are, under the project root. */
    public static final String DIR = "scenarios/paper";

    /** The sweep keys {@code --planes} replaces: an N × N shell per value. */
    static final Set<String> PLANES_KEYS = Set.of("constellation.walker.planes", "constellation.walker.sats");

    private static final Map<String, ScenarioFile> LOADED = new ConcurrentHashMap<>();

    private PaperExperiments() {
    }

    /** The folder of the paper's scenario files. */
    public static Path dir() {
        return ProjectPaths.root().map(r -> r.resolve(DIR)).orElseThrow(() -> new IllegalStateException(
                "cannot find the project root (holding data/" + ProjectPaths.CORPUS + " and pom.xml) above "
                        + Path.of("").toAbsolutePath() + ": the paper's scenarios are in its " + DIR + "/"));
    }

    /** The scenario file of experiment {@code name}: {@code scenarios/paper/NAME.yaml}. */
    public static Path file(String name) {
        Experiments.byName(name);
        return dir().resolve(name + ".yaml");
    }

    /** Experiment {@code name}'s scenario file, read once per JVM. */
    public static ScenarioFile load(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            Path f = file(n);
            if (!Files.isRegularFile(f)) {
                throw new IllegalStateException("the paper's scenario file " + f + " is missing");
            }
            ScenarioFile read = ScenarioReader.read(f);
            if (!read.base().experiment().equals(n)) {
                throw new IllegalStateException(f + " runs experiment '" + read.base().experiment() + "', not " + n);
            }
            return read;
        });
    }

    /**
     * Every scenario file of {@link #dir()} ({@code *.yaml}), in figure order (3 to 10; files of one figure by
     * name). Each must run a paper experiment, and each experiment must have its {@code NAME.yaml}.
     */
    public static List<ScenarioFile> all() {
        List<ScenarioFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir())) {
            for (Path f : list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                String base = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                ScenarioFile read = Experiments.NAMES.contains(base) ? load(base) : ScenarioReader.read(f);
                if (!isPaper(read)) {
                    throw new IllegalStateException(f + " runs experiment '" + read.base().experiment()
                            + "': " + DIR + "/ holds the paper's figures only");
                }
                files.add(read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir(), e);
        }
        for (String name : Experiments.NAMES) {
            load(name);
        }
        files.sort(Comparator.comparingInt((ScenarioFile f) -> Experiments.NAMES.indexOf(f.base().experiment()))
                .thenComparing(f -> f.base().name()));
        return files;
    }

    /** Whether {@code file} runs one of the paper's figures (its {@code experiment} is not {@code study}). */
    public static boolean isPaper(ScenarioFile file) {
        return Experiments.NAMES.contains(file.base().experiment());
    }

    /**
     * Runs the paper experiment {@code file} names, with the file's parameters but for {@code overrides},
     * and writes {@code NAME.csv/.png/.svg/.json} (NAME: the file's {@code name}) into {@code outDir}.
     * Sibling figures run in one {@code context} share their sweeps when their parameters agree.
     */
    public static ExperimentRunner.Outcome run(ScenarioFile file, Overrides overrides, Path outDir, SweepContext context) {
        if (!isPaper(file)) {
            throw new IllegalArgumentException("scenario '" + file.base().name() + "' runs experiment '"
                    + file.base().experiment() + "', not one of the paper's: " + String.join(", ", Experiments.NAMES));
        }
        return ExperimentRunner.run(Experiments.byName(file.base().experiment()), ExperimentConfig.of(file, overrides),
                outDir, context);
    }

    /** The file's scenario with an N × N shell for each of {@code planes} ({@code --planes}), in that order. */
    static List<Scenario> atPlanes(ScenarioFile file, List<Integer> planes) {
        Scenario base = file.base();
        SweepAxis sweep = base.sweep();
        if (sweep != null && !PLANES_KEYS.containsAll(sweep.keys())) {
            throw new IllegalArgumentException("--planes sets N x N shells, but scenario '" + base.name() + "' sweeps "
                    + String.join(", ", sweep.keys()));
        }
        Scenario template = file.points().get(0).scenario();
        WalkerShell shell = walker(template, base.experiment());
        List<Scenario> out = new ArrayList<>();
        for (int n : planes) {
            WalkerShell nn = new WalkerShell(n, n, shell.phasing(), shell.inclinationDeg(), shell.altitudeKm(), shell.earthRadiusKm());
            out.add(new Scenario(template.name(), template.description(), template.experiment(), template.seed(),
                    template.runs(), new ConstellationSpec.Walker(nn), template.aoi(), template.groundStations(), template.job(),
                    template.cost(), template.compare(), template.routing(), template.dataDir(), template.sweep(),
                    template.quickRuns(), template.quickSweep(), template.tree(), template.faults()));
        }
        return out;
    }

    /** The Walker shell of {@code s}: the paper's experiments run on analytic Walker shells only. */
    static WalkerShell walker(Scenario s, String experiment) {
        if (s.constellation() instanceof ConstellationSpec.Walker w) {
            return w.shell();
        }
        throw new IllegalArgumentException(experiment + " runs on a Walker shell (constellation.walker), not "
                + s.constellation().label());
    }

    /** The one value of a compare list the experiment takes one of. */
    static String one(List<String> values, String key, String experiment) {
        if (values.size() != 1) {
            throw new IllegalArgumentException(experiment + " takes one " + key + ", got " + values);
        }
        return values.get(0);
    }

    /** Fails unless {@code values} holds {@code needed}, the experiment's reference. */
    static void require(List<String> values, String needed, String key, String experiment) {
        if (!values.contains(needed)) {
            throw new IllegalArgumentException(experiment + " compares against " + needed + ": " + key + " must list it, got " + values);
        }
    }
}
