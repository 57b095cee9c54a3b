package io.spacecomp.orbit.aoi;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.geometry.GeoPoint;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;

import java.util.ArrayList;
import java.util.List;

/**
 * A latitude/longitude box. When {@code lonMinDeg > lonMaxDeg} the box crosses the antimeridian
 * (e.g. 170°…−170° is 20° wide, not 340°).
 */
public record AreaOfInterest(double latMinDeg, double latMaxDeg, double lonMinDeg, double lonMaxDeg) {

    /** The continental United States (SPEC §9). */
    public static final AreaOfInterest CONTINENTAL_US = new AreaOfInterest(24.5, 49.4, -124.8, -66.9);

    public AreaOfInterest {
        if (!(latMinDeg >= -90.0 && latMinDeg <= 90.0)) {
            throw new IllegalArgumentException("latMinDeg must be in [-90, 90], got " + latMinDeg);
        }
        if (!(latMaxDeg >= -90.0 && latMaxDeg <= 90.0)) {
            throw new IllegalArgumentException("latMaxDeg must be in [-90, 90], got " + latMaxDeg);
        }
        if (latMinDeg > latMaxDeg) {
            throw new IllegalArgumentException("latMinDeg (" + latMinDeg + ") must be <= latMaxDeg (" + latMaxDeg + ")");
        }
        if (!(lonMinDeg >= -180.0 && lonMinDeg <= 180.0)) {
            throw new IllegalArgumentException("lonMinDeg must be in [-180, 180], got " + lonMinDeg);
        }
        if (!(lonMaxDeg >= -180.0 && lonMaxDeg <= 180.0)) {
            throw new IllegalArgumentException("lonMaxDeg must be in [-180, 180], got " + lonMaxDeg);
        }
    }

    public boolean crossesAntimeridian() {
        return lonMinDeg > lonMaxDeg;
    }

    public boolean contains(GeoPoint p) {
        if (p.latDeg() < latMinDeg || p.latDeg() > latMaxDeg) {
            return false;
        }
        double lon = p.lonDeg() == 180.0 ? -180.0 : p.lonDeg();
        if (crossesAntimeridian()) {
            return lon >= lonMinDeg || lon <= lonMaxDeg || (lonMaxDeg == 180.0 && lon == -180.0);
        }
        return (lon >= lonMinDeg && lon <= lonMaxDeg) || (lonMaxDeg == 180.0 && lon == -180.0);
    }

    /**
     * The satellites whose sub-satellite point is inside the box at {@code tS}, filtered by pass
     * direction, in node order; satellites that are down (a TLE shell's empty slots) are never inside.
     */
    public List<SatId> satellitesInside(ConstellationGeometry geometry, double tS, Pass pass) {
        Torus torus = geometry.torus();
        List<SatId> inside = new ArrayList<>();
        for (int o = 1; o <= torus.planes(); o++) {
            for (int s = 1; s <= torus.satsPerPlane(); s++) {
                SatId id = new SatId(s, o);
                if (!geometry.isUp(id)) {
                    continue;
                }
                if (pass.accepts(geometry.isAscending(id, tS)) && contains(geometry.subSatellitePoint(id, tS))) {
                    inside.add(id);
                }
            }
        }
        return inside;
    }
}
