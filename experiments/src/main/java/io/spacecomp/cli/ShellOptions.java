package io.spacecomp.cli;

import io.spacecomp.orbit.shell.WalkerShell;
import picocli.CommandLine.Option;

/** The flags that describe a Walker-Delta shell, shared by every subcommand that needs one. */
public final class ShellOptions {

    @Option(names = "--planes", paramLabel = "N", defaultValue = "100",
            description = "Orbital planes N, >= 3 (default: ${DEFAULT-VALUE}).")
    int planes;

    @Option(names = "--sats", paramLabel = "M", defaultValue = "100",
            description = "Satellites per plane M, >= 3 (default: ${DEFAULT-VALUE}).")
    int sats;

    @Option(names = "--phasing", paramLabel = "F", defaultValue = "0",
            description = "Walker phasing F, 0 <= F < N (default: ${DEFAULT-VALUE}).")
    int phasing;

    @Option(names = "--inclination", paramLabel = "DEG", defaultValue = "87",
            description = "Inclination in degrees, 0..180 (default: ${DEFAULT-VALUE}).")
    double inclinationDeg;

    @Option(names = "--altitude", paramLabel = "KM", defaultValue = "530",
            description = "Altitude in km, > 0 (default: ${DEFAULT-VALUE}).")
    double altitudeKm;

    @Option(names = "--earth-radius", paramLabel = "KM", defaultValue = "6371",
            description = "Spherical Earth radius in km, > 0 (default: ${DEFAULT-VALUE}).")
    double earthRadiusKm;

    /** The shell, with each bad value reported by its flag name and allowed range. */
    public WalkerShell toShell() {
        Flags.require(planes >= 3, "--planes", "an integer >= 3", planes);
        Flags.require(sats >= 3, "--sats", "an integer >= 3", sats);
        Flags.require(phasing >= 0 && phasing < planes, "--phasing", "an integer in [0, " + (planes - 1) + "]", phasing);
        Flags.require(inclinationDeg >= 0 && inclinationDeg <= 180, "--inclination", "degrees in [0, 180]", inclinationDeg);
        Flags.require(altitudeKm > 0 && Double.isFinite(altitudeKm), "--altitude", "km > 0", altitudeKm);
        Flags.require(earthRadiusKm > 0 && Double.isFinite(earthRadiusKm), "--earth-radius", "km > 0", earthRadiusKm);
        return new WalkerShell(planes, sats, phasing, inclinationDeg, altitudeKm, earthRadiusKm);
    }
}
