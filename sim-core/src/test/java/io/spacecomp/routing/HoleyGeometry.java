package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.EarthShape;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

import java.util.Set;

/**
 * A Walker shell with satellites missing (down, or a TLE shell's empty slots): they are not up, and asking where one
 * is is an error, so a router that looks at them fails the test.
 */
record HoleyGeometry(CircularOrbitGeometry g, Set<SatId> holes) implements ConstellationGeometry {

    HoleyGeometry {
        holes = Set.copyOf(holes);
    }

    public Torus torus() {
        return g.torus();
    }

    public double earthRadiusKm() {
        return g.earthRadiusKm();
    }

    public EarthShape earthShape() {
        return g.earthShape();
    }

    public boolean isUp(SatId id) {
        return !holes.contains(id);
    }

    public boolean allUp() {
        return holes.isEmpty();
    }

    public Vector3D positionInertialKm(SatId id, double tS) {
        requireUp(id);
        return g.positionInertialKm(id, tS);
    }

    public Vector3D positionEarthFixedKm(SatId id, double tS) {
        requireUp(id);
        return g.positionEarthFixedKm(id, tS);
    }

    public boolean isAscending(SatId id, double tS) {
        requireUp(id);
        return g.isAscending(id, tS);
    }

    private void requireUp(SatId id) {
        if (holes.contains(id)) {
            throw new IllegalStateException(id + " is not there (down or an empty slot)");
        }
    }
}
