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
import io.spacecomp.sim.fault.FaultInjector;
import io.spacecomp.sim.fault.FaultPlan;
import io.spacecomp.sim.fault.FaultState;
import io.spacecomp.sim.fault.HopFaults;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.trace.TraceSink;
import io.spacecomp.wire.WireCheck;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;
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
 *
 * <p>Faults ({@link SimulationConfig#faults}): the plan's events change a {@link FaultState} that both the
 * network and the routers see. A crashed satellite's protocol object is dropped (its state is lost) and a
 * new, empty one serves when it is back; the news of the crash reaches every coordinator after
 * {@link FaultPlan#detectionS()}. Jobs a crashed coordinator held end failed, as the ground would see them.
 * Each kind of random fault draws from its own stream seeded from the run's seed; an empty plan draws
 * nothing and schedules nothing.
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
    private final FaultState faultState;
    private final FaultInjector injector;
    private double horizonS;
    private double startS = Double.POSITIVE_INFINITY;
    private boolean ran;

    public Simulation(SimulationConfig config) {
        this.config = config;
        simulator.init();
        this.clock = new SimClock(simulator);
        Torus torus = config.geometry().torus();
        this.faultState = new FaultState(torus);
        Router router = Routers.byName(config.router(), config.geometry(), config.routeOptions(), faultState);
        MRG32k3a jitter = null;
        if (config.maxJitterS() > 0) {
            jitter = new MRG32k3a();
            jitter.setSeed(streamSeed(config.seed()));
        }
        FaultPlan plan = config.faults();
        // a stream is made only for a kind the plan draws: a fault-free run creates and draws none
        HopFaults hopFaults = new HopFaults(faultState, plan,
                plan.random().messageLoss() > 0 ? faultStream(config.seed(), 1) : null,
                plan.random().duplicate() > 0 ? faultStream(config.seed(), 2) : null,
                plan.random().delay() > 0 && plan.random().delayS() > 0 ? faultStream(config.seed(), 3) : null);
        this.network = new IslNetwork(clock, config.geometry(), router, config.linkRate(),
                config.routeOptions().perHopOverheadS(), jitter, config.maxJitterS(), config.trace(), hopFaults,
                config.wireCheck());
        this.injector = new FaultInjector(clock, faultState, new FaultInjector.Listener() {
            @Override
            public void crashed(SatId sat) {
                crash(sat);
            }

            @Override
            public void changed(String description, boolean start) {
                TraceSink t = config.trace();
                if (t.enabled()) {
                    t.emit(new TraceEvent(clock.nowS(), start ? "fault_start" : "fault_end", null, null, null, null, null,
                            null, null, description));
                }
            }
        });
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

    /** The stream of random fault kind {@code kind} (1 loss, 2 duplicate, 3 delay, 4 crashes), apart from every other. */
    /** The stream a run of {@code seed} draws its random crashes from ({@link RandomFaults#crashes}). */
    public static RandomStream crashStream(long seed) {
        return faultStream(seed, 4);
    }

    private static MRG32k3a faultStream(long seed, int kind) {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(streamSeed(new SplittableRandom(seed).split().nextLong() + kind * 0x9E3779B97F4A7C15L));
        return s;
    }

    /** {@code sat} crashed: its protocol object and state go; the news reaches the coordinators later. */
    private void crash(SatId sat) {
        int i = sat.node(config.geometry().torus().satsPerPlane()) - 1;
        SatelliteNode old = nodes[i];
        nodes[i] = null;
        if (old != null) {
            for (JobOutcome o : old.crash()) {
                record(o);
            }
        }
        String reason = String.format(java.util.Locale.ROOT, "crashed at t = %.3f s: its state is lost", clock.nowS());
        clock.schedule(config.faults().detectionS(), () -> {
            for (SatelliteNode n : nodes) {
                if (n != null && n.openJobs() > 0) {
                    n.satelliteLost(sat, reason);
                }
            }
        });
    }

    /** What is down now. */
    public FaultState faultState() {
        return faultState;
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
        node(los);
        submitted.add(spec.jobId());
        horizonS = Math.max(horizonS, atS + spec.timeoutS());
        startS = Math.min(startS, atS);
        clock.schedule(Math.max(0.0, atS - clock.nowS()), () -> {
            if (!faultState.satelliteUp(los)) {
                double now = clock.nowS();
                record(new JobOutcome(spec.jobId(), false, "coordinator " + los + " is down: the job cannot be submitted",
                        null, now, 0.0, 0.0, los, null, List.of(), 0, 0));
                return;
            }
            // under the wire check the job goes up as the gateway sends it: through the codec
            node(los).submit(config.wireCheck() ? WireCheck.roundTrip(spec) : spec);
        });
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
        FaultPlan plan = config.faults();
        // fault times count from the first job's submission (a scenario's jobs run at their epoch)
        double start = Double.isInfinite(startS) ? 0.0 : startS;
        injector.schedule(plan.schedule(), start);
        if (plan.random().crashes()) {
            injector.scheduleRandomCrashes(plan.random(), crashStream(config.seed()), start, horizonS);
        }
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
