package io.spacecomp.tasks.builtin.wildfire;

/**
 * What the wildfire tasks cost on the reference machine, measured by timing their real code on the
 * default scene ({@code ./spacecomp calibrate-wildfire}; figures and machine in docs/wildfire.md). The
 * simulation multiplies them by the scenario's {@code cost.flight_slowdown} (see
 * {@link io.spacecomp.protocol.ProcessingModel#taskCostScale()}).
 */
final class WildfireCosts {

    static final double COLLECT_PER_RECORD_S = 0;
    static final double COLLECT_PER_BYTE_S = 1e-8;
    static final double DETECT_PER_RECORD_S = 0;
    static final double DETECT_PER_BYTE_S = 1e-9;
    static final double ALERTS_PER_RECORD_S = 1e-6;
    static final double ALERTS_PER_BYTE_S = 1e-8;

    private WildfireCosts() {
    }
}
