package io.spacecomp.scenario;

import io.spacecomp.orbit.shell.WalkerShell;

import java.nio.file.Path;

/** The constellation a scenario runs on: a Walker-Delta shell, or a shell of a real TLE catalogue. */
public sealed interface ConstellationSpec {

    /** A label for plots and CSV, e.g. {@code walker 72x22 53deg 550km}. */
    String label();

    /**
     * A Walker-Delta shell on the paper's spherical Earth.
     *
     * @param shell the shell (planes, sats per plane, phasing F, inclination, altitude)
     */
    record Walker(WalkerShell shell) implements ConstellationSpec {
        @Override
        public String label() {
            return "walker " + shell.planes() + "x" + shell.satsPerPlane() + " F=" + shell.phasing() + " "
                    + ScenarioNode.fmt(shell.inclinationDeg()) + "deg " + ScenarioNode.fmt(shell.altitudeKm()) + "km";
        }
    }

    /**
     * One shell of a TLE catalogue.
     *
     * @param file  the catalogue (resolved against the scenario file's folder)
     * @param shell which shell of the catalogue, 1-based as {@code tle-info} numbers them; null for its only one
     */
    record Tle(Path file, Integer shell) implements ConstellationSpec {
        @Override
        public String label() {
            return "tle " + file.getFileName() + (shell == null ? "" : " shell " + shell);
        }
    }
}
