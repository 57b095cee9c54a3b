package io.spacecomp.bench;

import io.spacecomp.placement.Allocator;
import io.spacecomp.placement.Allocators;
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

/** Time to solve one k×k assignment of uniform random costs (a fresh copy each call: solvers may not mutate). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AllocatorBenchmark {

    @Param({"hungarian", "lapjv"})
    public String allocator;

    @Param({"50", "200", "1000", "2000"})
    public int k;

    private Allocator solver;
    private double[][] cost;

    @Setup
    public void setUp() {
        solver = Allocators.byName(allocator, 1L);
        SplittableRandom rnd = new SplittableRandom(k);
        cost = new double[k][k];
        for (double[] row : cost) {
            for (int j = 0; j < k; j++) {
                row[j] = rnd.nextDouble() * 1000.0;
            }
        }
    }

    @Benchmark
    public Object assign() {
        return solver.assign(cost);
    }
}
