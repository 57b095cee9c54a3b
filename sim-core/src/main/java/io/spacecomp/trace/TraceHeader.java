package io.spacecomp.trace;

import io.spacecomp.orbit.shell.WalkerShell;

import java.util.Locale;

/**
 * The first line of a trace: a {@code shell} event whose {@code detail} is a JSON object of the shell's
 * geometry, so a reader (the viewer) can place satellites without being told the shell again.
 */
public final class TraceHeader {

    public static final String TYPE = "shell";

    private TraceHeader() {
    }

    /**
     * @param shell  the constellation
     * @param source {@code simulation} or {@code emulation}
     * @param epoch  what t = 0 is (an ISO instant in emulation; null in simulation)
     */
    public static TraceEvent of(WalkerShell shell, String source, String epoch) {
        String detail = String.format(Locale.ROOT,
                "{\"planes\":%d,\"sats\":%d,\"phasing\":%d,\"inclination_deg\":%s,\"altitude_km\":%s,\"earth_radius_km\":%s,\"source\":\"%s\"%s}",
                shell.planes(), shell.satsPerPlane(), shell.phasing(), num(shell.inclinationDeg()), num(shell.altitudeKm()),
                num(shell.earthRadiusKm()), source, epoch == null ? "" : ",\"epoch\":\"" + epoch + "\"");
        return new TraceEvent(0.0, TYPE, null, null, null, null, null, null, null, detail);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
