package io.spacecomp.bench;

import io.spacecomp.experiments.ProjectPaths;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.orekit.TleCatalogue;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.GroundRtt;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.RttTiming;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Ground-to-ground RTT New York → London every 100 ms over 200 s (2,001 steps) on a 1,156-satellite shell
 * (34×34, 53°, 550 km): the analytic Walker shell, or shell 1 of {@code data/tle/example-multishell.tle}
 * (34×34 with 7 holes, SGP4), elevation mask 25°, with either {@link RttTiming}. One operation is the whole
 * series; the TLE catalogue is read anew for each (its per-second SGP4 snapshots are part of the cost).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GroundRttBenchmark {

    /** Steps of one series: t = 0, 0.1, ..., 200 s. */
    public static final int STEPS = 2001;

    @Param({"walker", "tle"})
    public String shell;

    @Param({"TIME_DEPENDENT", "SNAPSHOT"})
    public RttTiming timing;

    private ConstellationGeometry geometry;
    private final GroundStation newYork = new GroundStation("New York", 40.71, -74.01, 0, 25);
    private final GroundStation london = new GroundStation("London", 51.51, -0.13, 0, 25);
    private final GroundLinkModel link = new GroundLinkModel.ElevationMask(25);

    @Setup(Level.Invocation)
    public void setUp() {
        geometry = shell.equals("walker")
                ? new CircularOrbitGeometry(WalkerShell.of(34, 34, 53.0, 550.0))
                : TleCatalogue.read(ProjectPaths.dataDir().resolve("tle/example-multishell.tle")).shell(1);
    }

    @Benchmark
    public double rttSeries() {
        double sum = 0;
        for (int k = 0; k < STEPS; k++) {
            sum += GroundRtt.measure(geometry, RouteOptions.DEFAULT, link, newYork, london, k * 0.1, timing)
                    .map(GroundRtt.RoundTrip::rttS).orElse(0.0);
        }
        return sum;
    }
}
