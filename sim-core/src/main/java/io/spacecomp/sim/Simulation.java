package io.spacecomp.sim;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobPlanner;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.NodeServices;
import io.spacecomp.protocol.SatelliteNode;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.Henriksen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated run in virtual time: its own SSJ {@link Simulator} (no global state, so runs may execute
 * in parallel threads), its own seeded streams, the same {@link SatelliteNode} protocol objects the
 * emulator runs, over the {@link IslNetwork}.
 */
public final class Simulation {

    private final SimulationConfig config;
    private final Simulator simulator = new Simulator(new Henriksen());
    private final SimClock clock;
    private final IslNetwork network;
    private final SatelliteNode[] nodes;
    private final NodeServices services;
    private final Map<String, JobOutcome> outcomes = new LinkedHashMap<>();
    private final List<String> submitted = new ArrayList<>();
    private boolean ran;

    public Simulation(SimulationConfig config) {
        this.config = config;
        simulator.init();
        this.clock = new SimClock(simulator);
        Router router = Routers.byName(config.router(), config.geometry(), config.routeOptions());
        Torus torus = config.geometry().torus();
        MRG32k3a jitter = null;
        if (config.maxJitterS() > 0) {
            jitter = new MRG32k3a();
            jitter.setSeed(streamSeed(config.seed()));
        }
        this.network = new IslNetwork(clock, config.geometry(), router, config.linkRate(),
                config.routeOptions().perHopOverheadS(), jitter, config.maxJitterS(), config.trace());
        this.nodes = new SatelliteNode[torus.size()];
        JobPlanner planner = new JobPlanner(torus, router, config.costKind(), config.costModel(), config.geometry()::isUp);
        this.services = new NodeServices(clock, network, config.tasks(), config.dataFiles(), planner, config.processing(),
                config.trace(), this::record);
        network.attach(this::node);
    }

    /** An MRG32k3a seed (three values below m1, three below m2, not all zero) drawn from {@code seed}. */
    static long[] streamSeed(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] s = new long[6];
        for (int i = 0; i < 6; i++) {
            s[i] = 1 + r.nextLong(4_294_944_442L);
        }
        return s;
    }

    private void record(JobOutcome outcome) {
        if (outcomes.putIfAbsent(outcome.jobId(), outcome) != null) {
            throw new IllegalStateException("job " + outcome.jobId() + " published twice");
        }
    }

    /** The protocol object of a satellite, created on first use. */
    public SatelliteNode node(SatId id) {
        int i = id.node(config.geometry().torus().satsPerPlane()) - 1;
        if (nodes[i] == null) {
            nodes[i] = new SatelliteNode(id, services);
        }
        return nodes[i];
    }

    public IslNetwork network() {
        return network;
    }

    /** Submits a job from the ground to {@code los} at virtual time {@code atS}. */
    public void submit(JobSpec spec, SatId los, double atS) {
        Torus torus = config.geometry().torus();
        if (los.sat() > torus.satsPerPlane() || los.orb() > torus.planes()) {
            throw new IllegalArgumentException("los " + los + " is outside the shell");
        }
        SatelliteNode coordinator = node(los);
        submitted.add(spec.jobId());
        clock.schedule(Math.max(0.0, atS - clock.nowS()), () -> coordinator.submit(spec));
    }

    /** Schedules {@code action} at virtual time {@code atS} (fault injection, e.g. taking a satellite down). */
    public void at(double atS, Runnable action) {
        clock.schedule(Math.max(0.0, atS - clock.nowS()), action);
    }

    /** Runs until no event is left; returns the outcomes in submission order. */
    public List<JobOutcome> run() {
        if (ran) {
            throw new IllegalStateException("a Simulation runs once");
        }
        ran = true;
        simulator.start();
        List<JobOutcome> out = new ArrayList<>();
        for (String id : submitted) {
            JobOutcome o = outcomes.get(id);
            if (o == null) {
                throw new IllegalStateException("job " + id + " ended without an outcome (its coordinator was lost)");
            }
            out.add(o);
        }
        return out;
    }

    /** Submits every job to {@code los} at time 0 and runs. */
    public List<JobOutcome> run(List<JobSpec> jobs, SatId los) {
        for (JobSpec j : jobs) {
            submit(j, los, 0.0);
        }
        return run();
    }

    /** Events executed by the run. */
    public long events() {
        return clock.executedEvents();
    }

    /** Virtual time now (s). */
    public double nowS() {
        return clock.nowS();
    }
}
