package io.spacecomp.orbit.shell;

/** The four +Grid links of a satellite. */
public enum Direction {
    /** In-plane, to sat+1 (the satellite ahead in the direction of motion). */
    AHEAD(1, 0),
    /** In-plane, to sat-1. */
    BEHIND(-1, 0),
    /** Cross-plane, to orb+1 (the next plane east in right ascension). */
    EAST(0, 1),
    /** Cross-plane, to orb-1. */
    WEST(0, -1);

    private final int satStep;
    private final int orbStep;

    Direction(int satStep, int orbStep) {
        this.satStep = satStep;
        this.orbStep = orbStep;
    }

    public int satStep() {
        return satStep;
    }

    public int orbStep() {
        return orbStep;
    }

    public boolean isCrossPlane() {
        return orbStep != 0;
    }

    public Direction opposite() {
        return switch (this) {
            case AHEAD -> BEHIND;
            case BEHIND -> AHEAD;
            case EAST -> WEST;
            case WEST -> EAST;
        };
    }

    /** The in-plane direction for a signed step count (positive: AHEAD). */
    public static Direction inPlane(int signedSteps) {
        return signedSteps >= 0 ? AHEAD : BEHIND;
    }

    /** The cross-plane direction for a signed step count (positive: EAST). */
    public static Direction crossPlane(int signedSteps) {
        return signedSteps >= 0 ? EAST : WEST;
    }
}
