package io.spacecomp.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code --quick} run of every experiment, shared by the test classes of this JVM (computed once):
 * its outcomes and the directory its files went to.
 */
final class QuickResults {

    static final long SEED = 7;

    private static Map<String, ExperimentRunner.Outcome> outcomes;
    private static Path dir;

    private QuickResults() {
    }

    static synchronized Map<String, ExperimentRunner.Outcome> outcomes() {
        if (outcomes == null) {
            try {
                dir = Files.createTempDirectory("spacecomp-quick");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SweepContext context = new SweepContext(ProgressSink.NONE);
            ExperimentConfig config = ExperimentConfig.quick(SEED, 2);
            Map<String, ExperimentRunner.Outcome> m = new LinkedHashMap<>();
            for (Experiment<?> e : Experiments.ALL) {
                m.put(e.name(), ExperimentRunner.run(e, config, dir, context));
            }
            outcomes = m;
        }
        return outcomes;
    }

    static synchronized Path dir() {
        outcomes();
        return dir;
    }
}
