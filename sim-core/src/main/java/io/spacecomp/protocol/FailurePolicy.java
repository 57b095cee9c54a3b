package io.spacecomp.protocol;

import java.util.List;
import java.util.Locale;

/** What a job does when a satellite working for it is lost. */
public enum FailurePolicy {
    /** The job fails, naming the satellite and why. */
    FAIL,
    /** The coordinator moves the lost satellite's work elsewhere and the job goes on (SPEC §6.4). */
    REPLAN;

    /** The names scenarios and the CLI use. */
    public static final List<String> NAMES = List.of("fail", "replan");

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailurePolicy parse(String name) {
        for (FailurePolicy p : values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown failure policy '" + name + "' (allowed: fail, replan)");
    }
}
