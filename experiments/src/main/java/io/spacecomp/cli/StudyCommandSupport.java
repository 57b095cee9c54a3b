package io.spacecomp.cli;

import io.spacecomp.experiments.ProjectPaths;
import io.spacecomp.experiments.study.Study;
import io.spacecomp.experiments.study.StudyMetric;
import io.spacecomp.experiments.study.StudyOutput;
import io.spacecomp.experiments.study.StudyRun;
import io.spacecomp.experiments.study.StudyRunner;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.ScenarioReader;
import io.spacecomp.tasks.TaskRegistry;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code experiment --scenario FILE} for a study: runs it, writes its files, prints the means. */
final class StudyCommandSupport {

    private StudyCommandSupport() {
    }

    /** Reads {@code file} as the {@code --scenario} flag's value. */
    static ScenarioFile read(Path file) {
        return read(file, null);
    }

    /** Reads {@code file} as the {@code --scenario} flag's value, its constellation replaced by {@code tle} unless null. */
    static ScenarioFile read(Path file, io.spacecomp.scenario.ConstellationSpec.Tle tle) {
        Flags.require(Files.isRegularFile(file), "--scenario", "a readable scenario file (YAML)", file);
        return ScenarioReader.read(file, tle);
    }

    /**
     * The default output folder of a scenario run: {@code ./NAME} under the working directory, never the
     * project's committed {@code results/}.
     */
    static Path defaultOut(String name) {
        Path out = Path.of(name).toAbsolutePath().normalize();
        Path committed = ProjectPaths.defaultResults().toAbsolutePath().normalize();
        if (out.equals(committed)) {
            out = Path.of(name + "-study").toAbsolutePath().normalize();
        }
        return out;
    }

    static void runStudy(ScenarioFile file, Study.Options options, TaskRegistry tasks, Path out, SweepOptions sweep,
                         PrintWriter w) {
        StudyRunner runner = new StudyRunner(tasks, Home.dataDir());
        List<StudyRun> runs = Study.run(file, options, runner, sweep.progress());
        List<Path> files = StudyOutput.write(file, options, runs, out);
        long failed = runs.stream().flatMap(r -> r.jobs().stream()).filter(j -> !j.done()).count();
        w.printf("%s: %d runs x %d strategies, %d failed jobs -> %s/%s-{%s}.{csv,png,svg,json} (%d files)%n",
                file.base().name(), runs.size(), file.base().compare().strategies().size(), failed, out, file.base().name(),
                String.join(",", java.util.Arrays.stream(StudyMetric.values()).map(StudyMetric::fileName).toList()), files.size());
        for (StudyMetric m : StudyMetric.values()) {
            w.printf("  %s (%s), mean over runs%s:%n", m.column(), m.unit(),
                    file.base().sweep() == null ? "" : " at " + file.base().sweep().name() + " = " + axisValues(runs));
            StudyOutput.stats(file.base(), runs, m).forEach((label, points) -> {
                StringBuilder sb = new StringBuilder();
                for (StudyOutput.PointStats p : points) {
                    sb.append(String.format(Locale.ROOT, " %12.3f", p.mean()));
                }
                w.printf("    %-40s%s%n", label, sb);
            });
        }
    }

    private static String axisValues(List<StudyRun> runs) {
        return String.join(", ", runs.stream().map(r -> io.spacecomp.experiments.Csv.num(r.point().axisValue(), 6)).distinct().toList());
    }
}
