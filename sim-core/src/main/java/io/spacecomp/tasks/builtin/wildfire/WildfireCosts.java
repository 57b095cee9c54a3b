package io.spacecomp.tasks.builtin.wildfire;

/**
 * What the wildfire tasks cost on the reference machine, measured by timing their real code with JMH on the
 * scene of scenarios/examples/wildfire.yaml:
 * {@code ./spacecomp bench --include 'io.spacecomp.bench.WildfireBenchmark.*'} (3 warm-up and 5 measured
 * iterations of 2 s, one fork). The time of one call divided by what it processes:
 * <pre>
 * call                       input                          ms/op   per byte
 * collectOneShare            3 tiles, 393,372 bytes out     9.731   2.5e-8 s
 * detectOneShare             3 tiles, 393,372 bytes in      0.713   1.8e-9 s
 * reduceWholeJob             25 records, 2,849 bytes in     0.132   4.6e-8 s
 * </pre>
 * Reference machine: 2 shared x86-64 cores, JDK 17, load average 13 while measuring (JMH's 99.9 % error was as
 * large as the score: these are orders of magnitude, not percentages). Per-record figures are 0: each task's
 * time grows with the bytes it reads. The simulation multiplies these by the scenario's
 * {@code cost.flight_slowdown} ({@link io.spacecomp.protocol.ProcessingModel#taskCostScale()}) and by m_p or r_p.
 */
final class WildfireCosts {

    static final double COLLECT_PER_RECORD_S = 0;
    static final double COLLECT_PER_BYTE_S = 2.5e-8;
    static final double DETECT_PER_RECORD_S = 0;
    static final double DETECT_PER_BYTE_S = 1.8e-9;
    static final double ALERTS_PER_RECORD_S = 0;
    static final double ALERTS_PER_BYTE_S = 4.6e-8;

    private WildfireCosts() {
    }
}
