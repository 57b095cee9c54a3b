package io.spacecomp.bench;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Time to route one random pair at a random instant on a 100×100 shell at 87°. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RouteBenchmark {

    private static final int PAIRS = 1024;

    @Param({"manhattan", "distance-aware", "optimal", "shortest"})
    public String router;

    private Router r;
    private SatId[] from;
    private SatId[] to;
    private double[] time;
    private int next;

    @Setup
    public void setUp() {
        WalkerShell shell = WalkerShell.paperDefault(100, 100);
        r = Routers.byName(router, new CircularOrbitGeometry(shell), RouteOptions.DEFAULT);
        SplittableRandom rnd = new SplittableRandom(1);
        from = new SatId[PAIRS];
        to = new SatId[PAIRS];
        time = new double[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            from[k] = new SatId(1 + rnd.nextInt(100), 1 + rnd.nextInt(100));
            to[k] = new SatId(1 + rnd.nextInt(100), 1 + rnd.nextInt(100));
            time[k] = rnd.nextDouble() * shell.periodS();
        }
    }

    @Benchmark
    public Object routeOnePair() {
        int k = next++ & (PAIRS - 1);
        return r.route(from[k], to[k], time[k]);
    }
}
