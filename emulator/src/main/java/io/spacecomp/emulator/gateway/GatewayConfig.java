package io.spacecomp.emulator.gateway;

import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.emulator.net.SatelliteAddresses;
import io.spacecomp.emulator.plane.PlaneConfig;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.tasks.DataFiles;

import java.nio.file.Path;

/**
 * The ground gateway of a live constellation.
 *
 * @param shell        the constellation (to validate satellites in requests)
 * @param addresses    where satellites listen
 * @param los          the satellite every job is sent up to, its coordinator ((1,1) as leopymr)
 * @param host         address the public API binds
 * @param port         public REST API port (leopymr: 8089)
 * @param downlinkHost address the downlink endpoint binds
 * @param downlinkPort where coordinators report finished jobs; never published outside the constellation
 * @param resultsDir   where finished jobs and result files are kept
 * @param dataFiles    the collectors' data directory, to refuse a bad {@code job_data.filename} at once; null
 *                     when the gateway cannot see it (the satellites then check)
 * @param key          the constellation's shared secret for internal traffic (uplink, downlink)
 * @param epochMs      the constellation epoch (Unix ms), orbit time 0 of its planes: Unix times in SSE
 *                     events, and the satellites over an {@code aoi_box} now
 * @param geometry     where the satellites are at t seconds since {@code epochMs}, as every plane has it (the
 *                     satellites over an {@code aoi_box}); its grid is {@code shell}'s
 */
public record GatewayConfig(WalkerShell shell, SatelliteAddresses addresses, SatId los, String host, int port,
                            String downlinkHost, int downlinkPort, Path resultsDir, DataFiles dataFiles,
                            IslKey key, long epochMs, ConstellationGeometry geometry) {

    public static final int DEFAULT_PORT = 8089;

    /** A gateway of a constellation on the default epoch ({@link PlaneConfig#DEFAULT_EPOCH_MS}). */
    public GatewayConfig(WalkerShell shell, SatelliteAddresses addresses, SatId los, String host, int port,
                         String downlinkHost, int downlinkPort, Path resultsDir, DataFiles dataFiles, IslKey key) {
        this(shell, addresses, los, host, port, downlinkHost, downlinkPort, resultsDir, dataFiles, key, PlaneConfig.DEFAULT_EPOCH_MS);
    }

    /** A gateway of the analytic Walker shell {@code shell}. */
    public GatewayConfig(WalkerShell shell, SatelliteAddresses addresses, SatId los, String host, int port,
                         String downlinkHost, int downlinkPort, Path resultsDir, DataFiles dataFiles, IslKey key, long epochMs) {
        this(shell, addresses, los, host, port, downlinkHost, downlinkPort, resultsDir, dataFiles, key, epochMs,
                new CircularOrbitGeometry(shell));
    }

    public GatewayConfig {
        shell.requireContains(los);
        if (!geometry.torus().equals(shell.torus())) {
            throw new IllegalArgumentException("the geometry's grid " + geometry.torus() + " is not the shell's " + shell.torus());
        }
        if (!geometry.isUp(los)) {
            throw new IllegalArgumentException("the coordinator " + los + " is down (an empty slot of the shell): no job could start");
        }
        for (int p : new int[] {port, downlinkPort}) {
            if (p < 0 || p > 65_535) {
                throw new IllegalArgumentException("port must be in [0, 65535], got " + p);
            }
        }
    }
}
