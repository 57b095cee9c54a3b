package io.spacecomp.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Same seed → the same bytes, whatever the thread count; another seed → other runs. */
class DeterminismTest {

    @Test
    void oneThreadWritesTheSameBytesAsTwo(@TempDir Path dir) throws Exception {
        // QuickResults ran with 2 threads; run everything again on 1 thread, in a fresh context.
        Path twoThreads = QuickResults.dir();
        SweepContext context = new SweepContext(ProgressSink.NONE);
        ExperimentConfig oneThread = ExperimentConfig.quick(QuickResults.SEED, 1);
        for (Experiment<?> e : Experiments.ALL) {
            ExperimentRunner.run(e, oneThread, dir, context);
            for (String ext : new String[] {".csv", ".json", ".svg", ".png"}) {
                assertArrayEquals(Files.readAllBytes(twoThreads.resolve(e.name() + ext)), Files.readAllBytes(dir.resolve(e.name() + ext)),
                        e.name() + ext + " differs between 1 and 2 threads");
            }
        }
    }

    @Test
    void anotherSeedDrawsOtherRuns(@TempDir Path dir) throws Exception {
        Experiment<?> e = Experiments.byName("map-allocation");
        ExperimentRunner.run(e, ExperimentConfig.quick(QuickResults.SEED + 1, 2), dir, new SweepContext(ProgressSink.NONE));
        String other = Files.readString(dir.resolve("map-allocation.csv"));
        String ours = Files.readString(QuickResults.dir().resolve("map-allocation.csv"));
        assertEquals(ours.lines().findFirst(), other.lines().findFirst());
        assertFalse(ours.equals(other));
    }

    @Test
    void runSeedsDependOnEveryInputAndNothingElse() {
        long s = Seeds.derive(1, "map", 50, 0);
        assertEquals(s, Seeds.derive(1, "map", 50, 0));
        assertFalse(s == Seeds.derive(2, "map", 50, 0));
        assertFalse(s == Seeds.derive(1, "reduce", 50, 0));
        assertFalse(s == Seeds.derive(1, "map", 60, 0));
        assertFalse(s == Seeds.derive(1, "map", 50, 1));
        // A golden value: the derivation must not change silently (results/ was made with it).
        assertEquals(9119530753144222547L, s);
    }
}
