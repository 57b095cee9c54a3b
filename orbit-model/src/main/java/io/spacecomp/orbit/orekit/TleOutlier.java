package io.spacecomp.orbit.orekit;

/**
 * A satellite of a TLE catalogue that is not in any slot of an inferred +Grid shell, and why.
 *
 * @param satellite the element set
 * @param kind      what it is
 * @param shell     the shell it belongs to or sits under (1-based), or 0 when none
 * @param reason    a sentence with the numbers that decided it
 */
public record TleOutlier(TleSatellite satellite, Kind kind, int shell, String reason) {

    /** What an outlier is. */
    public enum Kind {
        /** In a shell's plane, but off the slot lattice or second in an occupied slot (an in-plane spare). */
        SPARE,
        /** At a shell's inclination and altitude, but between two of its planes in RAAN. */
        OFF_PLANE,
        /** At a shell's inclination, below its altitude: raising its orbit after launch (or lowering it). */
        RAISING,
        /** At a shell's inclination, above its altitude. */
        ABOVE_SHELL,
        /** No shell at its inclination and altitude (too few satellites there to form a +Grid). */
        UNGROUPED
    }

    public TleOutlier {
        if (satellite == null || kind == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("satellite, kind and reason must be given");
        }
        if (shell < 0) {
            throw new IllegalArgumentException("shell must be >= 0 (0 = none), got " + shell);
        }
    }
}
