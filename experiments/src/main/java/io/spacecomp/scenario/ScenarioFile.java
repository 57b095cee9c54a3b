package io.spacecomp.scenario;

import java.util.List;

/**
 * A scenario file read and validated: the scenario as written, one scenario per point of its sweep (a
 * single point when it has none), and the points of a {@code --quick} run (its quick sweep's, else all).
 */
public record ScenarioFile(Scenario base, List<SweepPoint> points, List<SweepPoint> quickPoints) {

    public ScenarioFile {
        points = List.copyOf(points);
        quickPoints = List.copyOf(quickPoints);
    }

    /** The points of a full or a quick run. */
    public List<SweepPoint> points(boolean quick) {
        return quick ? quickPoints : points;
    }

    /** Runs per point of a full or a quick run. */
    public int runs(boolean quick) {
        return quick ? base.quickRuns() : base.runs();
    }
}
