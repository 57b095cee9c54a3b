package io.spacecomp.emulator.plane;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.orekit.OrekitData;
import io.spacecomp.orbit.orekit.TleShell;
import io.spacecomp.orbit.shell.WalkerShell;

/**
 * Where a live constellation's satellites are: the geometry every plane takes ISL lengths from (physical hop
 * delay, distance-aware routing) and the gateway takes passes over an {@code aoi_box} from, at wall-clock time
 * since {@link #epochMs()}.
 */
public sealed interface Orbits {

    /** The grid as a Walker-shell description: sizes, satellite ids, trace headers. */
    WalkerShell grid();

    /** Positions at t seconds since {@link #epochMs()}; satellites it says are down are never started. */
    ConstellationGeometry geometry();

    /** Orbit time 0 (Unix ms), shared by every process of the constellation. */
    long epochMs();

    /**
     * The analytic Walker-Delta shell on the paper's sphere, time 0 at the emulator's default epoch.
     *
     * @param shell the shell
     */
    record Walker(WalkerShell shell) implements Orbits {
        @Override
        public WalkerShell grid() {
            return shell;
        }

        @Override
        public ConstellationGeometry geometry() {
            return new CircularOrbitGeometry(shell);
        }

        @Override
        public long epochMs() {
            return PlaneConfig.DEFAULT_EPOCH_MS;
        }
    }

    /**
     * One shell of a TLE catalogue, propagated by SGP4; time 0 is the catalogue's epoch, so the live constellation
     * flies where SGP4 puts the catalogue's satellites now. Its empty slots are satellites that are down.
     *
     * @param shell the shell; plane processes read it again from {@link TleShell#source()} (a file)
     */
    record Tle(TleShell shell) implements Orbits {
        @Override
        public WalkerShell grid() {
            return shell.grid();
        }

        @Override
        public ConstellationGeometry geometry() {
            return shell;
        }

        @Override
        public long epochMs() {
            return shell.epoch().toDate(OrekitData.utc()).getTime();
        }
    }
}
