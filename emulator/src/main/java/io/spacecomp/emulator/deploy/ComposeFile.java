package io.spacecomp.emulator.deploy;

import io.spacecomp.orbit.shell.WalkerShell;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The Docker Compose file of a live constellation, leopymr's layout: one service per orbital plane
 * (host name {@code orb<o>}, satellite s on port {@code 8080 + s}), a gateway service, one network
 * for all of them, and the gateway's API the only port published (on the host's loopback).
 *
 * @param name       constellation (compose project) name
 * @param shell      the shell
 * @param image      the image every service runs
 * @param apiPort    host port of the gateway's API
 * @param dataDir    host directory mounted read-only as the collectors' data directory
 * @param resultsDir host directory for the gateway's results
 * @param tasksDir   host directory of the user's task jars, mounted read-only into every plane, which loads
 *                   every jar in it ({@code --tasks /opt/spacecomp/tasks/*}); null for none
 * @param islDelay   every plane's {@code --isl-delay} (none or physical); null for the plane's default
 * @param epoch      the constellation epoch, every plane's and the gateway's {@code --epoch}; null for their default
 */
public record ComposeFile(String name, WalkerShell shell, String image, int apiPort, Path dataDir, Path resultsDir, Path tasksDir,
                          String islDelay, String epoch) {

    /** Where planes see the task jars inside their container. */
    public static final String TASKS_MOUNT = "/opt/spacecomp/tasks";

    /** Without task jars. */
    public ComposeFile(String name, WalkerShell shell, String image, int apiPort, Path dataDir, Path resultsDir) {
        this(name, shell, image, apiPort, dataDir, resultsDir, null);
    }

    /** With the planes' default ISL delay and epoch. */
    public ComposeFile(String name, WalkerShell shell, String image, int apiPort, Path dataDir, Path resultsDir, Path tasksDir) {
        this(name, shell, image, apiPort, dataDir, resultsDir, tasksDir, null, null);
    }

    public static final int PORT_BASE = 8080;
    public static final int GATEWAY_PORT = 8089;
    public static final int DOWNLINK_PORT = 8090;
    /** Beside the compose file: the constellation's secret for internal traffic ({@code SPACECOMP_ISL_KEY}). */
    public static final String ENV_FILE = "constellation.env";

    public ComposeFile {
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,40}")) {
            throw new IllegalArgumentException("constellation name must be 1-41 lower-case letters, digits, '_' or '-', starting "
                    + "with a letter or digit; got '" + name + "'");
        }
        if (apiPort < 1 || apiPort > 65_535) {
            throw new IllegalArgumentException("port must be in [1, 65535], got " + apiPort);
        }
        if (islDelay != null && !islDelay.equals("none") && !islDelay.equals("physical")) {
            throw new IllegalArgumentException("ISL delay must be none or physical, got '" + islDelay + "'");
        }
        if (PORT_BASE + shell.satsPerPlane() > 65_535) {
            throw new IllegalArgumentException("sats must be at most " + (65_535 - PORT_BASE) + " (one port each above " + PORT_BASE + ")");
        }
    }

    private String shellFlags() {
        return String.format(Locale.ROOT, "\"--planes\", \"%d\", \"--sats\", \"%d\", \"--phasing\", \"%d\", \"--inclination\", \"%s\", "
                        + "\"--altitude\", \"%s\", \"--earth-radius\", \"%s\", \"--network\", \"docker\", \"--port-base\", \"%d\"",
                shell.planes(), shell.satsPerPlane(), shell.phasing(), shell.inclinationDeg(), shell.altitudeKm(), shell.earthRadiusKm(),
                PORT_BASE) + (epoch == null ? "" : ", \"--epoch\", \"" + epoch + "\"");
    }

    /** Every service's log: Docker's json-file driver, rotated as {@code emulate} rotates plane logs (4 files of 10 MiB). */
    static final String LOGGING = "    logging: {driver: json-file, options: {max-size: \"10m\", max-file: \"4\"}}\n";

    public String yaml() {
        StringBuilder y = new StringBuilder();
        y.append("# Written by spacecomp constellation create; ").append(shell.planes()).append(" planes x ")
                .append(shell.satsPerPlane()).append(" satellites. Start with: spacecomp constellation up ").append(name).append('\n');
        y.append("version: \"2.4\"\n");
        y.append("services:\n");
        y.append("  gateway:\n");
        y.append("    image: ").append(image).append('\n');
        y.append("    hostname: gateway\n");
        y.append("    command: [\"gateway\", ").append(shellFlags()).append(", \"--host\", \"0.0.0.0\", \"--port\", \"")
                .append(GATEWAY_PORT).append("\", \"--downlink-port\", \"").append(DOWNLINK_PORT)
                .append("\", \"--results-dir\", \"/results\", \"--data-dir\", \"/data\"]\n");
        y.append("    ports: [\"127.0.0.1:").append(apiPort).append(':').append(GATEWAY_PORT).append("\"]\n");
        y.append("    volumes: [\"").append(resultsDir.toAbsolutePath()).append(":/results\", \"")
                .append(dataDir.toAbsolutePath()).append(":/data:ro\"]\n");
        y.append("    env_file: [").append(ENV_FILE).append("]\n");
        y.append("    networks: [constellation]\n");
        y.append(LOGGING);
        for (int o = 1; o <= shell.planes(); o++) {
            y.append("  orb").append(o).append(":\n");
            y.append("    image: ").append(image).append('\n');
            y.append("    hostname: orb").append(o).append('\n');
            y.append("    command: [\"plane\", \"--orb\", \"").append(o).append("\", ").append(shellFlags())
                    .append(", \"--gateway\", \"http://gateway:").append(DOWNLINK_PORT).append("/downlink\", \"--data-dir\", \"/data\"");
            if (islDelay != null) {
                y.append(", \"--isl-delay\", \"").append(islDelay).append('"');
            }
            if (tasksDir != null) {
                y.append(", \"--tasks\", \"").append(TASKS_MOUNT).append("/*\"");
            }
            y.append("]\n");
            y.append("    volumes: [\"").append(dataDir.toAbsolutePath()).append(":/data:ro\"");
            if (tasksDir != null) {
                y.append(", \"").append(tasksDir.toAbsolutePath()).append(':').append(TASKS_MOUNT).append(":ro\"");
            }
            y.append("]\n");
            y.append("    env_file: [").append(ENV_FILE).append("]\n");
            y.append("    networks: [constellation]\n");
            y.append(LOGGING);
        }
        y.append("networks:\n  constellation:\n    name: ").append(name).append("-isl\n");
        return y.toString();
    }
}
