package io.spacecomp.orbit.aoi;

/** Which satellites of an area a job may use: moving north, moving south, or either. */
public enum Pass {
    ANY, ASCENDING, DESCENDING;

    public boolean accepts(boolean ascending) {
        return switch (this) {
            case ANY -> true;
            case ASCENDING -> ascending;
            case DESCENDING -> !ascending;
        };
    }
}
