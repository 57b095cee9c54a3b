package io.spacecomp.emulator.plane;

import io.spacecomp.emulator.net.Http;
import io.spacecomp.emulator.net.SatellitePorts;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
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

    private final PlaneConfig config;
    private final List<Satellite> satellites = new ArrayList<>();
    private final ThreadPoolExecutor work;
    /** Every satellite's port (Jetty: heads read without a thread, connections capped per peer). */
    private final SatellitePorts ports;
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    private final Admission admission;

    private Plane(PlaneConfig config, Budget budget) {
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
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Http.pool("orb" + config.orb() + "-client", 8)).build();
    }

    /** Starts every satellite of the plane, with the budget of this JVM's heap; each answers on its port when this returns. */
    public static Plane start(PlaneConfig config) throws IOException {
        return start(config, Budget.ofThisHeap());
    }

    /** Starts every satellite of the plane, admitting hops within {@code budget}. */
    public static Plane start(PlaneConfig config, Budget budget) throws IOException {
        Plane plane = new Plane(config, budget);
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
        ConstellationGeometry geometry = new CircularOrbitGeometry(config.shell());
        Router router = Routers.byName(config.router(), geometry, RouteOptions.DEFAULT);
        JobPlanner planner = new JobPlanner(torus, router, CostKind.HOPS, CostModel.PAPER_DEFAULT);
        Satellite[] bySat = new Satellite[torus.satsPerPlane()];
        HttpIsl isl = new HttpIsl(config, geometry, router, id -> {
            if (id.orb() != config.orb()) {
                throw new IllegalStateException(id + " is not in plane " + config.orb());
            }
            return bySat[id.sat() - 1];
        }, timer, client);
        Downlink downlink = new Downlink(config.downlink(), config.key(), client, timer, config.trace(), config.epochMs());
        for (int s = 1; s <= torus.satsPerPlane(); s++) {
            SatId id = new SatId(s, config.orb());
            SerialExecutor serial = new SerialExecutor(work, t -> config.trace().emit(new TraceEvent(
                    WallClock.secondsSince(config.epochMs()), "node_error", null, null, null, null, null, new int[] {id.sat(), id.orb()},
                    null, String.valueOf(t))));
            Satellite sat = new Satellite(id, torus, serial, config.key(), admission);
            NodeServices services = new NodeServices(new WallClock(config.epochMs(), timer, serial), isl, config.tasks(),
                    config.dataFiles(), planner, ProcessingModel.NONE, config.trace(), downlink);
            sat.attach(new SatelliteNode(id, services), isl, downlink);
            bySat[s - 1] = sat;
            satellites.add(sat);
        }
        for (Satellite sat : satellites) {
            ports.add(config.addresses().bindHost(), config.addresses().port(sat.id()), sat.endpoints());
        }
        ports.start();
        timer.scheduleWithFixedDelay(() -> satellites.forEach(Satellite::forgetOldHops), 10, 10, TimeUnit.SECONDS);
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
