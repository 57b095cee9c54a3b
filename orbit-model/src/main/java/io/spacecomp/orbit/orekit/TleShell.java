package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.EarthShape;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One shell of a {@link TleCatalogue} as an N×M +Grid, propagated by SGP4: the geometry the simulator, the
 * routers and ground routing use ({@link ConstellationGeometry}).
 *
 * <p>Plane o (1-based) is the o-th plane in RAAN from the first at or after 0° (TEME, at the catalogue's epoch);
 * slot s is the s-th satellite of the plane in argument of latitude, numbered so that satellite (s, o) sits at
 * {@code u₀ + 360°(s−1)/M + 360°F(o−1)/(N·M)}, the convention of {@code CircularOrbitGeometry} and
 * {@link TleWriter}: a catalogue written by {@code TleWriter} reads back with the same (sat, orb) names.
 * A slot with no satellite is kept as a satellite that is down ({@link #isUp} false): it has no position, no
 * ISL and no ground link, and is never replaced by a neighbour.
 *
 * <p>Time {@code tS} is seconds since the catalogue's epoch. Positions come from SGP4 once per whole second
 * for every satellite (one snapshot, shared); between whole seconds each state is carried from the nearest
 * whole second by its velocity and two-body acceleration (|Δt| ≤ 0.5 s: within 2 cm of SGP4, 13 mm
 * measured, see {@code TleShellGeometryTest}), so a ground-to-ground RTT every 100 ms costs one SGP4 call per satellite
 * per second. The Earth-fixed frame is ITRF (CIRF rotated by the Earth rotation angle, no EOP). Ground
 * stations stand on WGS84. Thread-safe; answers depend only on {@code tS}, not on what was asked before.
 */
public final class TleShell implements ConstellationGeometry {

    /** Snapshot spacing (s): SGP4 runs at whole multiples of it. */
    static final double SNAPSHOT_S = 1.0;

    private final String source;
    private final int number;
    private final Torus torus;
    private final int phasing;
    private final double inclinationDeg;
    private final double altitudeKm;
    private final AbsoluteDate epoch;
    private final TleSatellite[] slots;
    private final TLEPropagator[] propagators;
    private final DateTransforms transforms;
    private final double mu;
    private volatile Snapshot last;
    private volatile Snapshot previous;

    private record Snapshot(double tS, double[] state, double thetaRad) {
    }

    /** cos and sin of the Earth rotation angle at {@code tS}, for the last time asked. */
    private record EarthRotation(double tS, double cos, double sin) {
    }

    private volatile EarthRotation rotation;

    TleShell(String source, int number, Torus torus, int phasing, double inclinationDeg, double altitudeKm,
             AbsoluteDate epoch, TleSatellite[] slots) {
        this.source = source;
        this.number = number;
        this.torus = torus;
        this.phasing = phasing;
        this.inclinationDeg = inclinationDeg;
        this.altitudeKm = altitudeKm;
        this.epoch = epoch;
        this.slots = slots.clone();
        this.propagators = new TLEPropagator[slots.length];
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                propagators[i] = TLEPropagator.selectExtrapolator(slots[i].tle(), OrekitFrames.teme());
            }
        }
        this.transforms = new DateTransforms(OrekitFrames.teme(), epoch);
        this.mu = TLEConstants.MU / 1e9;
    }

    /** The file the shell was read from. */
    public String source() {
        return source;
    }

    /** This shell's number in its catalogue (1-based, by inclination then altitude). */
    public int number() {
        return number;
    }

    /** Walker phasing F inferred from the slots (0 ≤ F &lt; N). */
    public int phasing() {
        return phasing;
    }

    /** Mean inclination of the shell's satellites (degrees). */
    public double inclinationDeg() {
        return inclinationDeg;
    }

    /** Mean altitude of the shell's satellites over the WGS84 equatorial radius, from TLE mean motion (km). */
    public double altitudeKm() {
        return altitudeKm;
    }

    /** The instant t = 0: the catalogue's epoch. */
    public AbsoluteDate epoch() {
        return epoch;
    }

    @Override
    public Torus torus() {
        return torus;
    }

    /**
     * The grid as a Walker-shell description: planes × slots, phasing, mean inclination and altitude on the
     * paper's sphere. It names the grid (sizes, CSV columns, trace headers); positions come from SGP4, not from it.
     */
    public WalkerShell grid() {
        return new WalkerShell(torus.planes(), torus.satsPerPlane(), phasing, inclinationDeg, altitudeKm,
                WalkerShell.DEFAULT_EARTH_RADIUS_KM);
    }

    /** Slots N·M. */
    public int slotCount() {
        return slots.length;
    }

    /** Slots holding a satellite. */
    public int filled() {
        int n = 0;
        for (TleSatellite s : slots) {
            if (s != null) {
                n++;
            }
        }
        return n;
    }

    /** Satellites in plane {@code orb} (1-based). */
    public int filled(int orb) {
        requireOrb(orb);
        int n = 0;
        for (int s = 1; s <= torus.satsPerPlane(); s++) {
            if (slots[index(new SatId(s, orb))] != null) {
                n++;
            }
        }
        return n;
    }

    /** The empty slots, in node order: satellites that are down. */
    public List<SatId> holes() {
        List<SatId> out = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                out.add(SatId.fromNode(i + 1, torus.satsPerPlane()));
            }
        }
        return out;
    }

    /** The element set in slot (sat, orb), or empty for a hole. */
    public Optional<TleSatellite> satellite(SatId id) {
        return Optional.ofNullable(slots[index(id)]);
    }

    /** A slot holds a satellite. */
    @Override
    public boolean isUp(SatId id) {
        return slots[index(id)] != null;
    }

    /** Whether no slot is empty. */
    @Override
    public boolean allUp() {
        return filled() == slots.length;
    }

    /** The spherical radius of the analytic model (6371 km); not used for ground stations (WGS84). */
    @Override
    public double earthRadiusKm() {
        return WalkerShell.DEFAULT_EARTH_RADIUS_KM;
    }

    /** WGS84: stations from geodetic coordinates, elevation above the ellipsoid horizon. */
    @Override
    public EarthShape earthShape() {
        return EarthShape.Wgs84.INSTANCE;
    }

    @Override
    public Vector3D positionInertialKm(SatId id, double tS) {
        int i = upIndex(id);
        Snapshot s = snapshot(tS);
        double dt = tS - s.tS();
        double[] st = s.state();
        int b = 6 * i;
        double x = st[b];
        double y = st[b + 1];
        double z = st[b + 2];
        double r = Math.sqrt(x * x + y * y + z * z);
        double k = -mu / (r * r * r) * 0.5 * dt * dt;
        return new Vector3D(x + st[b + 3] * dt + k * x, y + st[b + 4] * dt + k * y, z + st[b + 5] * dt + k * z);
    }

    /** Velocity in CIRF (km/s). */
    public Vector3D velocityInertialKmPerS(SatId id, double tS) {
        int i = upIndex(id);
        Snapshot s = snapshot(tS);
        double dt = tS - s.tS();
        double[] st = s.state();
        int b = 6 * i;
        double x = st[b];
        double y = st[b + 1];
        double z = st[b + 2];
        double r = Math.sqrt(x * x + y * y + z * z);
        double k = -mu / (r * r * r) * dt;
        return new Vector3D(st[b + 3] + k * x, st[b + 4] + k * y, st[b + 5] + k * z);
    }

    @Override
    public Vector3D positionEarthFixedKm(SatId id, double tS) {
        Vector3D p = positionInertialKm(id, tS);
        EarthRotation r = rotation;
        if (r == null || r.tS() != tS) {
            Snapshot s = snapshot(tS);
            double theta = s.thetaRad() + CircularOrbitGeometry.EARTH_ROTATION_RAD_PER_S * (tS - s.tS());
            r = new EarthRotation(tS, Math.cos(theta), Math.sin(theta));
            rotation = r;
        }
        double c = r.cos();
        double sn = r.sin();
        return new Vector3D(c * p.getX() + sn * p.getY(), -sn * p.getX() + c * p.getY(), p.getZ());
    }

    @Override
    public boolean isAscending(SatId id, double tS) {
        return velocityInertialKmPerS(id, tS).getZ() > 0.0;
    }

    /** Geodetic sub-satellite point and altitude over WGS84. */
    public GeodeticPosition geodeticPosition(SatId id, double tS) {
        Vector3D m = positionEarthFixedKm(id, tS).scalarMultiply(1000.0);
        return GeodeticPosition.of(OrekitFrames.wgs84().transform(m, OrekitFrames.earthFixed(), epoch.shiftedBy(tS)));
    }

    /** SGP4's own position of slot (sat, orb) in CIRF at {@code tS}, with no snapshot (km): for checks. */
    public Vector3D sgp4PositionInertialKm(SatId id, double tS) {
        int i = upIndex(id);
        DateTransforms.Entry e = transforms.at(KeplerianConstellation.requireFinite(tS));
        return e.toInertial().transformPosition(pvTeme(i, e.date()).getPosition()).scalarMultiply(1e-3);
    }

    private PVCoordinates pvTeme(int i, AbsoluteDate date) {
        TLEPropagator p = propagators[i];
        synchronized (p) { // SGP4 keeps intermediate results in fields
            return p.getPVCoordinates(date);
        }
    }

    private Snapshot snapshot(double tS) {
        KeplerianConstellation.requireFinite(tS);
        double base = Math.rint(tS / SNAPSHOT_S) * SNAPSHOT_S;
        Snapshot s = last;
        if (s != null && s.tS() == base) {
            return s;
        }
        Snapshot p = previous;
        if (p != null && p.tS() == base) {
            return p;
        }
        DateTransforms.Entry e = transforms.at(base);
        double[] state = new double[6 * slots.length];
        for (int i = 0; i < slots.length; i++) {
            if (propagators[i] == null) {
                continue;
            }
            PVCoordinates pv = e.toInertial().transformPVCoordinates(pvTeme(i, e.date()));
            Vector3D r = pv.getPosition();
            Vector3D v = pv.getVelocity();
            int b = 6 * i;
            state[b] = r.getX() * 1e-3;
            state[b + 1] = r.getY() * 1e-3;
            state[b + 2] = r.getZ() * 1e-3;
            state[b + 3] = v.getX() * 1e-3;
            state[b + 4] = v.getY() * 1e-3;
            state[b + 5] = v.getZ() * 1e-3;
        }
        Snapshot fresh = new Snapshot(base, state, OrekitFrames.greenwichAngleRad(e.date()));
        previous = last;
        last = fresh;
        return fresh;
    }

    private int upIndex(SatId id) {
        int i = index(id);
        if (slots[i] == null) {
            throw new IllegalStateException("satellite " + id + " of shell " + number + " in " + source
                    + " is down: its slot is empty (a hole in the catalogue's grid)");
        }
        return i;
    }

    private int index(SatId id) {
        if (id.sat() > torus.satsPerPlane()) {
            throw new IllegalArgumentException("sat must be in [1, " + torus.satsPerPlane() + "], got " + id.sat());
        }
        requireOrb(id.orb());
        return id.node(torus.satsPerPlane()) - 1;
    }

    private void requireOrb(int orb) {
        if (orb < 1 || orb > torus.planes()) {
            throw new IllegalArgumentException("orb must be in [1, " + torus.planes() + "], got " + orb);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "shell %d of %s: %d x %d (F = %d), i = %.2f deg, h = %.1f km, %d/%d slots",
                number, source, torus.planes(), torus.satsPerPlane(), phasing, inclinationDeg, altitudeKm, filled(),
                slotCount());
    }
}
