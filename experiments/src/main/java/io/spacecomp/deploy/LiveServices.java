package io.spacecomp.deploy;

import io.spacecomp.orbit.shell.WalkerShell;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command lines of a containerised constellation, whatever runs the containers: leopymr's layout, plane
 * {@code o} the host {@code orb<o>} with satellite {@code s} on port {@code 8080 + s}, and the gateway the host
 * {@code gateway} (API on 8089, downlink on 8090). Swarm service names and Kubernetes Service names give those
 * host names.
 *
 * @param shell         the constellation
 * @param physicalDelay every hop held for its propagation + serialisation time at the link's length now
 * @param epoch         orbit time 0 of every plane and the gateway (satellites move in wall-clock time since then)
 * @param tasks         true when the user's task jars are mounted at {@link #TASKS_MOUNT}
 */
public record LiveServices(WalkerShell shell, boolean physicalDelay, String epoch, boolean tasks) {

    public static final int PORT_BASE = 8080;
    public static final int GATEWAY_PORT = 8089;
    public static final int DOWNLINK_PORT = 8090;
    public static final String TASKS_MOUNT = "/opt/spacecomp/tasks";
    /** 2026-01-01T00:00:00Z, as {@code plane --epoch}. */
    public static final String DEFAULT_EPOCH = "2026-01-01T00:00:00Z";

    public LiveServices {
        if (PORT_BASE + shell.satsPerPlane() > 65_535) {
            throw new IllegalArgumentException("invalid value for --sats: " + shell.satsPerPlane() + " (allowed: at most "
                    + (65_535 - PORT_BASE) + ", one port each above " + PORT_BASE + ")");
        }
        try {
            Instant.parse(epoch);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid value for --epoch: " + epoch + " (allowed: an ISO-8601 instant such as "
                    + DEFAULT_EPOCH + ")");
        }
    }

    public String islDelay() {
        return physicalDelay ? "physical" : "none";
    }

    /** Plane {@code o}'s host name, its service's name. */
    public static String planeHost(int orb) {
        return "orb" + orb;
    }

    /** Satellite {@code s}'s port in its plane's container. */
    public static int satPort(int sat) {
        return PORT_BASE + sat;
    }

    private List<String> shellFlags() {
        return new ArrayList<>(List.of("--planes", Integer.toString(shell.planes()), "--sats", Integer.toString(shell.satsPerPlane()),
                "--phasing", Integer.toString(shell.phasing()), "--inclination", num(shell.inclinationDeg()),
                "--altitude", num(shell.altitudeKm()), "--earth-radius", num(shell.earthRadiusKm()),
                "--network", "docker", "--port-base", Integer.toString(PORT_BASE), "--epoch", epoch));
    }

    /** The gateway's arguments (after the image's entry point). */
    public List<String> gatewayArgs() {
        List<String> a = new ArrayList<>(List.of("gateway"));
        a.addAll(shellFlags());
        a.addAll(List.of("--host", "0.0.0.0", "--port", Integer.toString(GATEWAY_PORT), "--downlink-port", Integer.toString(DOWNLINK_PORT),
                "--results-dir", "/results", "--data-dir", "/data"));
        return a;
    }

    /** Plane {@code orb}'s arguments. */
    public List<String> planeArgs(int orb) {
        if (orb < 1 || orb > shell.planes()) {
            throw new IllegalArgumentException("orb must be in [1, " + shell.planes() + "], got " + orb);
        }
        List<String> a = new ArrayList<>(List.of("plane", "--orb", Integer.toString(orb)));
        a.addAll(shellFlags());
        a.addAll(List.of("--gateway", "http://gateway:" + DOWNLINK_PORT + "/downlink", "--data-dir", "/data", "--isl-delay", islDelay()));
        if (tasks) {
            a.addAll(List.of("--tasks", TASKS_MOUNT + "/*"));
        }
        return a;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
