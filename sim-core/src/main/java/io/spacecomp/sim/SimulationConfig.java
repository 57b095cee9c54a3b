package io.spacecomp.sim;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.protocol.ProcessingModel;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Routers;
import io.spacecomp.sim.fault.FaultPlan;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.trace.TraceSink;

/**
 * Everything one simulated run depends on. Same config and seed → same events, same output.
 *
 * @param geometry      where satellites are
 * @param router        router name for every message and for planning costs
 * @param routeOptions  polar protection and per-hop overhead
 * @param costKind      what the allocator minimises
 * @param costModel     eq. 5 parameters
 * @param processing    task time model
 * @param linkRate      serialisation rate model
 * @param dataFiles     the collectors' data directory
 * @param tasks         the task registry
 * @param seed          seed of every random stream of the run
 * @param maxJitterS    random extra delay per hop, uniform in [0, maxJitterS) (s); 0 for none
 * @param trace         where trace events go
 * @param faults        the faults injected into the run ({@link FaultPlan#NONE} for none)
 * @param wireCheck     round-trip every message (and every job sent up) through the wire codec before it is
 *                      delivered, failing the run loudly on a mismatch; the decoded copy is what is delivered
 */
public record SimulationConfig(ConstellationGeometry geometry, String router, RouteOptions routeOptions,
                               CostKind costKind, CostModel costModel, ProcessingModel processing, LinkRate linkRate,
                               DataFiles dataFiles, TaskRegistry tasks, long seed, double maxJitterS, TraceSink trace,
                               FaultPlan faults, boolean wireCheck) {

    /** A run without the wire check. */
    public SimulationConfig(ConstellationGeometry geometry, String router, RouteOptions routeOptions,
                            CostKind costKind, CostModel costModel, ProcessingModel processing, LinkRate linkRate,
                            DataFiles dataFiles, TaskRegistry tasks, long seed, double maxJitterS, TraceSink trace,
                            FaultPlan faults) {
        this(geometry, router, routeOptions, costKind, costModel, processing, linkRate, dataFiles, tasks, seed, maxJitterS,
                trace, faults, false);
    }

    /** A run without faults. */
    public SimulationConfig(ConstellationGeometry geometry, String router, RouteOptions routeOptions,
                            CostKind costKind, CostModel costModel, ProcessingModel processing, LinkRate linkRate,
                            DataFiles dataFiles, TaskRegistry tasks, long seed, double maxJitterS, TraceSink trace) {
        this(geometry, router, routeOptions, costKind, costModel, processing, linkRate, dataFiles, tasks, seed, maxJitterS,
                trace, FaultPlan.NONE);
    }

    public SimulationConfig {
        if (!Routers.NAMES.contains(router)) {
            throw new IllegalArgumentException("unknown router '" + router + "' (allowed: " + String.join(", ", Routers.NAMES) + ")");
        }
        if (!(maxJitterS >= 0) || Double.isInfinite(maxJitterS)) {
            throw new IllegalArgumentException("maxJitterS must be >= 0, got " + maxJitterS);
        }
        if (faults == null) {
            throw new IllegalArgumentException("faults must not be null (use FaultPlan.NONE)");
        }
    }

    /** Defaults: distance-aware routing, hop-count allocation costs, paper link budget, no jitter, no trace. */
    public static SimulationConfig defaults(ConstellationGeometry geometry, DataFiles dataFiles, long seed) {
        return new SimulationConfig(geometry, "distance-aware", RouteOptions.DEFAULT, CostKind.HOPS, CostModel.PAPER_DEFAULT,
                ProcessingModel.DEFAULT, LinkRate.PAPER_BUDGET, dataFiles, TaskRegistry.discover(), seed, 0.0, TraceSink.NONE);
    }

    public SimulationConfig withTrace(TraceSink t) {
        return new SimulationConfig(geometry, router, routeOptions, costKind, costModel, processing, linkRate, dataFiles,
                tasks, seed, maxJitterS, t, faults, wireCheck);
    }

    public SimulationConfig withJitter(double s) {
        return new SimulationConfig(geometry, router, routeOptions, costKind, costModel, processing, linkRate, dataFiles,
                tasks, seed, s, trace, faults, wireCheck);
    }

    public SimulationConfig withFaults(FaultPlan f) {
        return new SimulationConfig(geometry, router, routeOptions, costKind, costModel, processing, linkRate, dataFiles,
                tasks, seed, maxJitterS, trace, f, wireCheck);
    }

    public SimulationConfig withTasks(TaskRegistry t) {
        return new SimulationConfig(geometry, router, routeOptions, costKind, costModel, processing, linkRate, dataFiles,
                t, seed, maxJitterS, trace, faults, wireCheck);
    }

    public SimulationConfig withWireCheck(boolean check) {
        return new SimulationConfig(geometry, router, routeOptions, costKind, costModel, processing, linkRate, dataFiles,
                tasks, seed, maxJitterS, trace, faults, check);
    }
}
