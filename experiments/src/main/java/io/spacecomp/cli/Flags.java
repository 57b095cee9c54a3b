package io.spacecomp.cli;

/** Validation of flag values with messages that name the flag, the allowed values and what was given. */
final class Flags {

    private Flags() {
    }

    static void require(boolean ok, String flag, String allowed, Object given) {
        if (!ok) {
            throw new IllegalArgumentException("invalid value for " + flag + ": " + given + " (allowed: " + allowed + ")");
        }
    }
}
