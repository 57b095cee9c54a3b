package io.spacecomp.orbit.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A Walker-Delta shell of circular orbits: {@code planes} orbital planes spread over 360° of right
 * ascension, {@code satsPerPlane} satellites evenly spaced in each, relative phasing {@code phasing}
 * (the Walker F parameter), all at the same inclination and altitude above a spherical Earth.
 *
 * <p>Satellites are named (sat, orb), both 1-based (see {@link SatId}); neighbours follow the +Grid
 * torus ({@link Torus}).
 *
 * @param planes          N, number of orbital planes (at least 3)
 * @param satsPerPlane    M, satellites per plane (at least 3)
 * @param phasing         F, Walker phasing factor, 0 ≤ F &lt; N
 * @param inclinationDeg  orbital inclination (degrees, 0..180)
 * @param altitudeKm      altitude above the spherical Earth (km, &gt; 0)
 * @param earthRadiusKm   spherical Earth radius (km, &gt; 0; the paper uses 6371)
 */
public record WalkerShell(int planes, int satsPerPlane, int phasing, double inclinationDeg,
                          double altitudeKm, double earthRadiusKm) {

    /** The paper's spherical Earth radius (km). */
    public static final double DEFAULT_EARTH_RADIUS_KM = 6371.0;
    /** Earth's gravitational parameter μ (m³/s²). */
    public static final double MU_M3_PER_S2 = 3.986004418e14;
    /** The paper's default inclination (degrees). */
    public static final double DEFAULT_INCLINATION_DEG = 87.0;
    /** The paper's default altitude (km). */
    public static final double DEFAULT_ALTITUDE_KM = 530.0;

    public WalkerShell {
        if (planes < 3) {
            throw new IllegalArgumentException("planes must be >= 3 (a +Grid torus needs 3 planes), got " + planes);
        }
        if (satsPerPlane < 3) {
            throw new IllegalArgumentException("satsPerPlane must be >= 3 (a +Grid torus needs 3 satellites per plane), got " + satsPerPlane);
        }
        if (phasing < 0 || phasing >= planes) {
            throw new IllegalArgumentException("phasing must be in [0, planes-1] = [0, " + (planes - 1) + "], got " + phasing);
        }
        if (!(inclinationDeg >= 0.0 && inclinationDeg <= 180.0)) {
            throw new IllegalArgumentException("inclinationDeg must be in [0, 180], got " + inclinationDeg);
        }
        if (!(altitudeKm > 0.0) || Double.isInfinite(altitudeKm)) {
            throw new IllegalArgumentException("altitudeKm must be > 0 and finite, got " + altitudeKm);
        }
        if (!(earthRadiusKm > 0.0) || Double.isInfinite(earthRadiusKm)) {
            throw new IllegalArgumentException("earthRadiusKm must be > 0 and finite, got " + earthRadiusKm);
        }
    }

    /** A shell with phasing 0 and the paper's Earth radius. */
    public static WalkerShell of(int planes, int satsPerPlane, double inclinationDeg, double altitudeKm) {
        return new WalkerShell(planes, satsPerPlane, 0, inclinationDeg, altitudeKm, DEFAULT_EARTH_RADIUS_KM);
    }

    /** The paper's default N×M shell: 87°, 530 km, F = 0. */
    public static WalkerShell paperDefault(int planes, int satsPerPlane) {
        return of(planes, satsPerPlane, DEFAULT_INCLINATION_DEG, DEFAULT_ALTITUDE_KM);
    }

    /** Number of satellites N·M. */
    public int size() {
        return planes * satsPerPlane;
    }

    /** Orbit radius rE + h (km). */
    public double orbitRadiusKm() {
        return earthRadiusKm + altitudeKm;
    }

    public double inclinationRad() {
        return Math.toRadians(inclinationDeg);
    }

    /** Orbital period T = 2π·sqrt(r³/μ) (s). */
    public double periodS() {
        double rM = orbitRadiusKm() * 1000.0;
        return 2.0 * Math.PI * Math.sqrt(rM * rM * rM / MU_M3_PER_S2);
    }

    /** The +Grid torus of this shell. */
    public Torus torus() {
        return new Torus(planes, satsPerPlane);
    }

    /** Validated satellite identity in this shell. */
    public SatId sat(int sat, int orb) {
        SatId id = new SatId(sat, orb);
        requireContains(id);
        return id;
    }

    public boolean contains(SatId id) {
        return id.sat() <= satsPerPlane && id.orb() <= planes;
    }

    public void requireContains(SatId id) {
        if (id.sat() > satsPerPlane) {
            throw new IllegalArgumentException("sat must be in [1, " + satsPerPlane + "], got " + id.sat());
        }
        if (id.orb() > planes) {
            throw new IllegalArgumentException("orb must be in [1, " + planes + "], got " + id.orb());
        }
    }

    /** Flat node number (orb-1)·M + sat, 1-based; the satellite must be in this shell. */
    public int node(SatId id) {
        requireContains(id);
        return id.node(satsPerPlane);
    }

    /** Every satellite, in node order (plane by plane). */
    public List<SatId> satellites() {
        List<SatId> all = new ArrayList<>(size());
        for (int o = 1; o <= planes; o++) {
            for (int s = 1; s <= satsPerPlane; s++) {
                all.add(new SatId(s, o));
            }
        }
        return all;
    }
}
