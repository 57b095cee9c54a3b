package io.spacecomp.emulator.plane;

import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.emulator.net.SatelliteAddresses;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.routing.Routers;
import io.spacecomp.sim.LinkRate;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.trace.TraceSink;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * One orbital plane of a live constellation.
 *
 * @param shell         the whole constellation (every process must agree on it)
 * @param orb           this plane, 1..N
 * @param addresses     where every satellite listens
 * @param epochMs       the constellation epoch (Unix ms): orbit time 0, shared by every process
 * @param router        router name for every message and for planning
 * @param physicalDelay hold each hop for its propagation + serialisation time at that instant
 * @param linkRate      serialisation rate when {@code physicalDelay}
 * @param dataFiles     the collectors' data directory
 * @param tasks         the task registry
 * @param downlink      where coordinators report finished jobs (the gateway's downlink endpoint)
 * @param trace         where trace events go
 * @param hopAttempts   tries per hop before its message is reported undeliverable (≥ 1)
 * @param hopTimeout    how long one try may take
 * @param key           the constellation's shared secret for internal traffic
 * @param geometry      where the satellites are at t seconds since {@code epochMs} (ISL lengths, routing); its grid is
 *                      {@code shell}'s, and a satellite it says is down is never started
 */
public record PlaneConfig(WalkerShell shell, int orb, SatelliteAddresses addresses, long epochMs, String router,
                          boolean physicalDelay, LinkRate linkRate, DataFiles dataFiles, TaskRegistry tasks, URI downlink,
                          TraceSink trace, int hopAttempts, Duration hopTimeout, IslKey key, ConstellationGeometry geometry) {

    /** 2026-01-01T00:00:00Z: orbit time 0 of every emulated constellation unless told otherwise. */
    public static final String DEFAULT_EPOCH_ISO = "2026-01-01T00:00:00Z";
    public static final long DEFAULT_EPOCH_MS = Instant.parse(DEFAULT_EPOCH_ISO).toEpochMilli();

    /** A plane of the analytic Walker shell {@code shell}. */
    public PlaneConfig(WalkerShell shell, int orb, SatelliteAddresses addresses, long epochMs, String router,
                       boolean physicalDelay, LinkRate linkRate, DataFiles dataFiles, TaskRegistry tasks, URI downlink,
                       TraceSink trace, int hopAttempts, Duration hopTimeout, IslKey key) {
        this(shell, orb, addresses, epochMs, router, physicalDelay, linkRate, dataFiles, tasks, downlink, trace, hopAttempts,
                hopTimeout, key, new CircularOrbitGeometry(shell));
    }

    public PlaneConfig {
        if (!geometry.torus().equals(shell.torus())) {
            throw new IllegalArgumentException("the geometry's grid " + geometry.torus() + " is not the shell's " + shell.torus());
        }
        if (orb < 1 || orb > shell.planes()) {
            throw new IllegalArgumentException("orb must be in [1, " + shell.planes() + "], got " + orb);
        }
        if (!Routers.NAMES.contains(router)) {
            throw new IllegalArgumentException("router must be one of " + Routers.NAMES + ", got '" + router + "'");
        }
        if (hopAttempts < 1 || hopAttempts > 20) {
            throw new IllegalArgumentException("hop attempts must be in [1, 20], got " + hopAttempts);
        }
        if (addresses.lastPort(shell.planes()) > 65_535) {
            throw new IllegalArgumentException("port base " + addresses.portBase() + " leaves no room for "
                    + shell.size() + " satellites below port 65535");
        }
    }
}
