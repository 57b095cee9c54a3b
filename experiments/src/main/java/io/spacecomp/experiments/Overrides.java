package io.spacecomp.experiments;

import java.util.List;

/**
 * What the command line changes in a scenario file's run ({@code --runs --seed --planes --threads --quick});
 * a null field keeps the file's value.
 *
 * @param runs    seeded runs per point, or null for the file's {@code runs} ({@code quick.runs} with quick)
 * @param seed    the master seed, or null for the file's {@code seed}
 * @param planes  N × N shells to run instead of the file's sweep, or null
 * @param threads worker threads, or null for all cores (the output never depends on it)
 * @param quick   run the file's quick sweep and quick runs
 */
public record Overrides(Integer runs, Long seed, List<Integer> planes, Integer threads, boolean quick) {

    /** The file as written. */
    public static final Overrides NONE = new Overrides(null, null, null, null, false);

    public Overrides {
        planes = planes == null ? null : List.copyOf(planes);
    }

    /** The file's quick run. */
    public static Overrides quickRun() {
        return new Overrides(null, null, null, null, true);
    }
}
