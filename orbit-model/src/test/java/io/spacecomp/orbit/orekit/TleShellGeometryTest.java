package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TleShell}'s per-second SGP4 snapshots against SGP4 itself, and the shipped example catalogue. */
class TleShellGeometryTest {

    @Test
    void positionsBetweenWholeSecondsStayWithinMillimetresOfSgp4() {
        TleShell shell = TleCatalogue.read(TleShellTest.resource12x12()).onlyShell();
        TleConstellation reference = TleConstellation.asGrid(TleShellTest.resource12x12(), 12, 12);
        Random random = new Random(11);
        double worstInertialM = 0;
        double worstEarthFixedM = 0;
        double worstVelocityMmS = 0;
        for (int k = 0; k < 400; k++) {
            double t = random.nextDouble() * 20_000;
            SatId id = SatId.fromNode(1 + random.nextInt(144), 12);
            worstInertialM = Math.max(worstInertialM, 1000 * Vector3D.distance(shell.positionInertialKm(id, t), reference.positionInertialKm(id, t)));
            worstEarthFixedM = Math.max(worstEarthFixedM, 1000 * Vector3D.distance(shell.positionEarthFixedKm(id, t), reference.positionEarthFixedKm(id, t)));
            worstVelocityMmS = Math.max(worstVelocityMmS, 1e6 * Vector3D.distance(shell.velocityInertialKmPerS(id, t),
                    reference.velocityInertialKmPerS(reference.index(id), t)));
            assertEquals(reference.isAscending(id, t), shell.isAscending(id, t), id + " at " + t);
        }
        // |Δt| ≤ 0.5 s, two-body acceleration only: measured 13 mm and 11 mm/s at most (J2 and SGP4's other terms)
        assertTrue(worstInertialM < 0.02, "inertial within 2 cm: " + worstInertialM + " m");
        assertTrue(worstEarthFixedM < 0.02, "Earth-fixed within 2 cm: " + worstEarthFixedM + " m");
        assertTrue(worstVelocityMmS < 100, "velocity within 10 cm/s: " + worstVelocityMmS + " mm/s");
        // at whole seconds the snapshot is SGP4 itself
        assertEquals(0.0, Vector3D.distance(shell.positionInertialKm(new SatId(3, 4), 42.0),
                shell.sgp4PositionInertialKm(new SatId(3, 4), 42.0)), 1e-9);
    }

    @Test
    void answersDoNotDependOnWhatWasAskedBefore() {
        TleShell a = TleCatalogue.read(TleShellTest.resource12x12()).onlyShell();
        TleShell b = TleCatalogue.read(TleShellTest.resource12x12()).onlyShell();
        SatId id = new SatId(7, 9);
        b.positionInertialKm(id, 100.9); // a different snapshot first
        b.positionInertialKm(id, 99.2);
        assertEquals(a.positionInertialKm(id, 100.3), b.positionInertialKm(id, 100.3));
    }

    @Test
    void theShippedExampleIsWhatExampleCatalogueGenerates() throws Exception {
        Path shipped = Paths.get("..", "data", "tle", "example-multishell.tle");
        StringBuilder expected = new StringBuilder();
        for (TleSatellite s : ExampleCatalogue.generate()) {
            expected.append(s.toThreeLines());
        }
        assertEquals(expected.toString(), Files.readString(shipped));
    }

    @Test
    void theWalkerTwinOfAShellMatchesTheGeneratedShell() {
        TleShell shell = TleCatalogue.read(Paths.get("..", "data", "tle", "example-multishell.tle")).shell(1);
        assertEquals(WalkerShell.of(34, 34, 53.0, 550).torus(), shell.torus());
        assertEquals(5, shell.phasing());
        assertEquals(53.0, shell.inclinationDeg(), 0.1);
        assertEquals(550.0, shell.altitudeKm(), 3.0);
    }
}
