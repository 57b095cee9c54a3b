package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.EarthShape;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.Frame;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.orbits.Orbit;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.analytical.KeplerianPropagator;
import org.orekit.time.AbsoluteDate;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WalkerShell} as circular Keplerian orbits propagated by Orekit's {@link KeplerianPropagator}:
 * the ground truth the analytic {@link CircularOrbitGeometry} is checked against.
 *
 * <p>Orbits are defined in {@link OrekitFrames#inertial() CIRF} (Z = pole of date, see there for why)
 * at {@code epoch} with exactly the analytic phase convention: plane o has RAAN {@code 2π(o−1)/N},
 * satellite (s, o) has argument of latitude {@code u₀ = 2π(s−1)/M + 2πF(o−1)/(N·M)} (e = 0, ω = 0, so the
 * anomaly is u), semi-major axis {@code rE + h} of the shell and μ = {@link WalkerShell#MU_M3_PER_S2}.
 * Earth-fixed positions are in ITRF. {@code new CircularOrbitGeometry(shell, greenwichAngleAtEpochRad())}
 * — {@link #analyticTwin()} — then describes the same motion in closed form.
 *
 * <p>Time {@code tS} is seconds since {@code epoch}. One propagator per satellite is built up front
 * (≈ 0.15 s for 10,000); the CIRF→ITRF transform is computed once per instant and shared by all
 * satellites (10,000 Earth-fixed positions at one instant: ≈ 5 ms after JIT warm-up, against ≈ 0.4 ms
 * for the analytic formula, which is why hot loops use the latter). Thread-safe.
 */
public final class KeplerianConstellation implements ConstellationGeometry {

    private final WalkerShell shell;
    private final Torus torus;
    private final AbsoluteDate epoch;
    private final Frame inertial;
    private final Frame earthFixed;
    private final OneAxisEllipsoid wgs84;
    private final double greenwichAngleAtEpochRad;
    private final KeplerianPropagator[] propagators;
    private final DateTransforms transforms;

    /**
     * @param shell the constellation
     * @param epoch the instant t = 0 (any Orekit date; UTC is the natural scale)
     */
    public KeplerianConstellation(WalkerShell shell, AbsoluteDate epoch) {
        if (shell == null) {
            throw new IllegalArgumentException("shell must not be null");
        }
        if (epoch == null) {
            throw new IllegalArgumentException("epoch must not be null");
        }
        OrekitData.init();
        this.shell = shell;
        this.torus = shell.torus();
        this.epoch = epoch;
        this.inertial = OrekitFrames.inertial();
        this.earthFixed = OrekitFrames.earthFixed();
        this.wgs84 = OrekitFrames.wgs84();
        this.greenwichAngleAtEpochRad = OrekitFrames.greenwichAngleRad(epoch);
        this.transforms = new DateTransforms(inertial, epoch);
        FrameAlignedProvider attitude = new FrameAlignedProvider(inertial);
        this.propagators = new KeplerianPropagator[shell.size()];
        for (SatId id : shell.satellites()) {
            propagators[shell.node(id) - 1] = new KeplerianPropagator(initialOrbit(shell, id, inertial, epoch),
                    attitude, WalkerShell.MU_M3_PER_S2);
        }
    }

    /** The shell at an ISO-8601 UTC epoch such as {@code 2025-01-01T00:00:00Z}. */
    public static KeplerianConstellation at(WalkerShell shell, String isoUtcEpoch) {
        return new KeplerianConstellation(shell, OrekitData.date(isoUtcEpoch));
    }

    /** The circular orbit of satellite {@code id} at the epoch, with the analytic phase convention. */
    static KeplerianOrbit initialOrbit(WalkerShell shell, SatId id, Frame inertial, AbsoluteDate epoch) {
        double raan = 2.0 * Math.PI * (id.orb() - 1) / shell.planes();
        double u0 = 2.0 * Math.PI * (id.sat() - 1) / shell.satsPerPlane()
                + 2.0 * Math.PI * shell.phasing() * (id.orb() - 1) / ((double) shell.planes() * shell.satsPerPlane());
        return new KeplerianOrbit(shell.orbitRadiusKm() * 1000.0, 0.0, shell.inclinationRad(), 0.0, raan, u0,
                PositionAngleType.MEAN, inertial, epoch, WalkerShell.MU_M3_PER_S2);
    }

    public WalkerShell shell() {
        return shell;
    }

    /** The instant t = 0. */
    public AbsoluteDate epoch() {
        return epoch;
    }

    /** The date {@code tS} seconds after the epoch. */
    public AbsoluteDate date(double tS) {
        return epoch.shiftedBy(requireFinite(tS));
    }

    /** θ₀: the angle about Z from the inertial (CIRF) X axis to the ITRF X axis at the epoch (rad). */
    public double greenwichAngleAtEpochRad() {
        return greenwichAngleAtEpochRad;
    }

    /** The closed-form model of the same shell and frames: {@code new CircularOrbitGeometry(shell, θ₀)}. */
    public CircularOrbitGeometry analyticTwin() {
        return new CircularOrbitGeometry(shell, greenwichAngleAtEpochRad);
    }

    @Override
    public Torus torus() {
        return torus;
    }

    /** The shell's spherical Earth radius, kept for the analytic twin; ground stations stand on WGS84 ({@link #earthShape()}) (km). */
    @Override
    public double earthRadiusKm() {
        return shell.earthRadiusKm();
    }

    /** WGS84: ground stations are placed from geodetic coordinates, elevation above the ellipsoid horizon. */
    @Override
    public EarthShape earthShape() {
        return EarthShape.Wgs84.INSTANCE;
    }

    /** The propagator of one satellite (its orbit frame is CIRF). */
    public KeplerianPropagator propagator(SatId id) {
        shell.requireContains(id);
        return propagators[shell.node(id) - 1];
    }

    /** The satellite's osculating orbit at {@code tS}, in CIRF. */
    public Orbit orbit(SatId id, double tS) {
        return orbitAt(id, date(tS));
    }

    private Orbit orbitAt(SatId id, AbsoluteDate date) {
        KeplerianPropagator propagator = propagator(id);
        synchronized (propagator) { // propagators are not documented as thread-safe
            return propagator.propagateOrbit(date);
        }
    }

    /** Position in CIRF (km). */
    @Override
    public Vector3D positionInertialKm(SatId id, double tS) {
        return orbit(id, tS).getPosition().scalarMultiply(1e-3);
    }

    /** Velocity in CIRF (km/s). */
    public Vector3D velocityInertialKmPerS(SatId id, double tS) {
        return orbit(id, tS).getPVCoordinates().getVelocity().scalarMultiply(1e-3);
    }

    /** Position in ITRF (km). */
    @Override
    public Vector3D positionEarthFixedKm(SatId id, double tS) {
        DateTransforms.Entry e = transforms.at(requireFinite(tS));
        return e.toEarthFixed().transformPosition(orbitAt(id, e.date()).getPosition()).scalarMultiply(1e-3);
    }

    /** ITRF positions of every satellite at {@code tS}, in node order (index node − 1) (km). */
    public List<Vector3D> positionsEarthFixedKm(double tS) {
        DateTransforms.Entry e = transforms.at(requireFinite(tS));
        List<Vector3D> all = new ArrayList<>(shell.size());
        for (SatId id : shell.satellites()) {
            all.add(e.toEarthFixed().transformPosition(orbitAt(id, e.date()).getPosition()).scalarMultiply(1e-3));
        }
        return all;
    }

    /** Moving north: the Z component of the CIRF velocity is positive. */
    @Override
    public boolean isAscending(SatId id, double tS) {
        return orbit(id, tS).getPVCoordinates().getVelocity().getZ() > 0.0;
    }

    /** Geodetic sub-satellite point and altitude over the WGS84 ellipsoid. */
    public GeodeticPosition geodeticPosition(SatId id, double tS) {
        DateTransforms.Entry e = transforms.at(requireFinite(tS));
        Vector3D itrfM = e.toEarthFixed().transformPosition(orbitAt(id, e.date()).getPosition());
        return GeodeticPosition.of(wgs84.transform(itrfM, earthFixed, e.date()));
    }

    static double requireFinite(double tS) {
        if (!Double.isFinite(tS)) {
            throw new IllegalArgumentException("tS must be finite, got " + tS);
        }
        return tS;
    }
}
