package io.spacecomp.experiments.study;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.orekit.TleCatalogue;
import io.spacecomp.orbit.orekit.TleShell;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.scenario.ConstellationSpec;
import io.spacecomp.scenario.Scenario;

/**
 * A scenario's constellation, ready to run on: where the satellites are, and the grid the CSV columns
 * describe (for a TLE shell, the planes × slots, phasing, inclination and altitude {@code tle-info} finds).
 *
 * @param geometry the analytic Walker geometry, or the SGP4-propagated shell of a TLE catalogue
 * @param grid     the grid as a Walker shell description
 */
public record ScenarioConstellation(ConstellationGeometry geometry, WalkerShell grid) {

    /**
     * Builds the constellation of {@code s}; a TLE catalogue is read afresh, so every caller owns its own
     * propagators (they cache per instant and are not shared between threads).
     *
     * @throws IllegalArgumentException naming {@code constellation.tle} when the catalogue cannot form the shell
     */
    public static ScenarioConstellation of(Scenario s) {
        if (s.constellation() instanceof ConstellationSpec.Walker w) {
            return new ScenarioConstellation(new CircularOrbitGeometry(w.shell()), w.shell());
        }
        ConstellationSpec.Tle t = (ConstellationSpec.Tle) s.constellation();
        TleShell shell = tleShell(t);
        return new ScenarioConstellation(shell, shell.grid());
    }

    /**
     * Reads the catalogue of {@code t} afresh and infers its shell.
     *
     * @throws IllegalArgumentException naming {@code constellation.tle}, the file and the reason when it cannot form the shell
     */
    public static TleShell tleShell(ConstellationSpec.Tle t) {
        try {
            TleCatalogue catalogue = TleCatalogue.read(t.file());
            return t.shell() == null ? catalogue.onlyShell() : catalogue.shell(t.shell());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("constellation.tle: " + e.getMessage(), e);
        }
    }
}
