package io.spacecomp.bench;

import io.spacecomp.sim.SimClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.Henriksen;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Raw event throughput of the virtual-time engine as the protocol uses it ({@link SimClock} over SSJ's
 * Henriksen event list): {@code pending} self-rescheduling actions with random delays, 1,000,000
 * events per invocation. The score is events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    private static final int EVENTS = 1_000_000;

    @Param({"100", "10000"})
    public int pending;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long events() {
        Simulator sim = new Simulator(new Henriksen());
        sim.init();
        SimClock clock = new SimClock(sim);
        SplittableRandom rnd = new SplittableRandom(7);
        long[] left = {EVENTS};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (--left[0] > 0) {
                clock.schedule(rnd.nextDouble(), tick[0]);
            }
        };
        for (int i = 0; i < pending; i++) {
            clock.schedule(rnd.nextDouble(), tick[0]);
        }
        sim.start();
        return clock.executedEvents();
    }
}
