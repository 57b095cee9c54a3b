package io.spacecomp.scenario;

import io.spacecomp.orbit.aoi.Pass;

import java.util.List;
import java.util.Locale;

/** Which satellites over the area a run's job uses. */
public enum PassMode {
    /** Only satellites moving north. */
    ASCENDING,
    /** Only satellites moving south. */
    DESCENDING,
    /** Ascending on even runs, descending on odd runs (the paper's evaluation). */
    ALTERNATE,
    /** Every satellite over the area. */
    ANY;

    public static final List<String> NAMES = List.of("ascending", "descending", "alternate", "any");

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PassMode parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The pass of run {@code run} (0-based). */
    public Pass passOfRun(int run) {
        return switch (this) {
            case ASCENDING -> Pass.ASCENDING;
            case DESCENDING -> Pass.DESCENDING;
            case ALTERNATE -> run % 2 == 0 ? Pass.ASCENDING : Pass.DESCENDING;
            case ANY -> Pass.ANY;
        };
    }
}
