package io.spacecomp.emulator.plane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.fault.InjectedFaults;
import io.spacecomp.emulator.fault.LearnedFaultsRouter;
import io.spacecomp.emulator.fault.LiveFault;
import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.net.SatellitePorts;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.protocol.JobPlanner;
import io.spacecomp.protocol.NodeServices;
import io.spacecomp.protocol.ProcessingModel;
import io.spacecomp.protocol.SatelliteNode;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.Router;
import io.spacecomp.routing.Routers;
import io.spacecomp.trace.TraceEvent;
import io.spacecomp.wire.Wire;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One orbital plane of a live constellation: M satellites, each with its own port and its own protocol
 * state, running the very {@link SatelliteNode} the simulator runs, over {@link HttpIsl} and the wall
 * clock. Task time is real ({@link ProcessingModel#NONE}): the real code takes the time it takes.
 */
public final class Plane implements AutoCloseable {

    /**
     * Threads that complete the client's exchanges (its I/O has a thread of its own): the callbacks only pass a hop's
     * answer on, so two keep up with a plane on this 2-core machine.
     */
    private static final int CLIENT_THREADS = 2;

    private final PlaneConfig config;
    private final List<Satellite> satellites = new ArrayList<>();
    private final ThreadPoolExecutor work;
    /** Every satellite's port (Jetty: heads read without a thread, connections capped per peer). */
    private final SatellitePorts ports;
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    private InjectedFaults faults;
    private final Admission admission;

    private Plane(PlaneConfig config, HttpClient client, Budget budget) {
        this.config = config;
        this.admission = new Admission(budget);
        int cores = Runtime.getRuntime().availableProcessors();
        this.work = Http.pool("orb" + config.orb() + "-work", Math.max(4, 2 * cores));
        this.ports = new SatellitePorts("orb" + config.orb() + "-http");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orb" + config.orb() + "-timer");
            t.setDaemon(true);
            return t;
        });
        this.client = client;
    }

    /** The HTTP client a plane process shares between its satellites and its trace tap. */
    public static HttpClient client(int orb) {
        return Http.internalClient("orb" + orb + "-client", CLIENT_THREADS, Duration.ofSeconds(2));
    }

    /**
     * Starts every satellite of the plane, with a client of its own and the budget of this JVM's heap; each answers
     * on its port when this returns.
     */
    public static Plane start(PlaneConfig config) throws IOException {
        return start(config, client(config.orb()), Budget.ofThisHeap());
    }

    /** Starts every satellite of the plane with a client of its own, admitting hops within {@code budget}. */
    public static Plane start(PlaneConfig config, Budget budget) throws IOException {
        return start(config, client(config.orb()), budget);
    }

    /**
     * Starts every satellite of the plane, sending with {@code client} (see {@link #client}) and admitting hops
     * within {@code budget}.
     */
    public static Plane start(PlaneConfig config, HttpClient client, Budget budget) throws IOException {
        Plane plane = new Plane(config, client, budget);
        try {
            plane.open();
        } catch (IOException | RuntimeException e) {
            plane.close();
            throw e;
        }
        return plane;
    }

    private void open() throws IOException {
        Torus torus = config.shell().torus();
        ConstellationGeometry geometry = config.geometry();
        Satellite[] bySat = new Satellite[torus.satsPerPlane()];
        // injected faults, as the simulator's fault state: the routers see them, the satellites drop traffic
        faults = new InjectedFaults(torus, timer, new InjectedFaults.Listener() {
            @Override
            public void crashed(SatId sat) {
                if (sat.orb() == config.orb()) {
                    bySat[sat.sat() - 1].crash();
                }
            }

            @Override
            public void changed(String description, boolean start) {
                config.trace().emit(new TraceEvent(WallClock.secondsSince(config.epochMs()), start ? "fault_start" : "fault_end",
                        null, null, null, null, null, null, null, description));
            }
        });
        Router router = new LearnedFaultsRouter(Routers.byName(config.router(), geometry, RouteOptions.DEFAULT, faults), faults);
        // as the simulator's: a reducer is never placed on an empty slot of a TLE shell
        JobPlanner planner = new JobPlanner(torus, router, CostKind.HOPS, CostModel.PAPER_DEFAULT, geometry::isUp);
        HttpIsl isl = new HttpIsl(config, geometry, router, id -> {
            if (id.orb() != config.orb()) {
                throw new IllegalStateException(id + " is not in plane " + config.orb());
            }
            return bySat[id.sat() - 1];
        }, timer, client, faults);
        Downlink downlink = new Downlink(config.downlink(), config.key(), client, timer, config.trace(), config.epochMs());
        for (int s = 1; s <= torus.satsPerPlane(); s++) {
            SatId id = new SatId(s, config.orb());
            if (!geometry.isUp(id)) {
                continue; // an empty slot of a TLE shell: a satellite that is down, its port never opened
            }
            SerialExecutor serial = new SerialExecutor(work, t -> config.trace().emit(new TraceEvent(
                    WallClock.secondsSince(config.epochMs()), "node_error", null, null, null, null, null, new int[] {id.sat(), id.orb()},
                    null, String.valueOf(t))));
            Satellite sat = new Satellite(id, torus, serial, config.key(), admission, faults, this::onFault);
            NodeServices services = new NodeServices(new WallClock(config.epochMs(), timer, serial), isl, config.tasks(),
                    config.dataFiles(), planner, ProcessingModel.NONE, config.trace(), downlink);
            sat.attach(() -> new SatelliteNode(id, services), isl, downlink);
            bySat[s - 1] = sat;
            satellites.add(sat);
        }
        for (Satellite sat : satellites) {
            ports.add(config.addresses().bindHost(), config.addresses().port(sat.id()), sat.endpoints());
        }
        ports.start();
        timer.scheduleWithFixedDelay(() -> satellites.forEach(Satellite::forgetOldHops), 10, 10, TimeUnit.SECONDS);
    }

    /** A fault the gateway injects ({@code POST /fault} on any satellite of the plane): applied to the whole plane. */
    private ObjectNode onFault(LiveFault fault) {
        faults.apply(fault);
        ObjectNode o = Wire.object();
        o.put("status", "OK");
        o.put("plane", config.orb());
        o.put("fault", fault.describe());
        o.set("satellites_down", Wire.sats(faults.downSatellites()));
        o.put("links_down", faults.downLinks());
        return o;
    }

    /** What this plane knows is down by injection. */
    InjectedFaults faults() {
        return faults;
    }

    public int orb() {
        return config.orb();
    }

    @Override
    public void close() {
        ports.close();
        timer.shutdownNow();
        work.shutdownNow();
    }
}
