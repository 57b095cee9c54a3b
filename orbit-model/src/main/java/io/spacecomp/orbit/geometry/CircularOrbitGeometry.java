package io.spacecomp.orbit.geometry;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Closed-form geometry of a {@link WalkerShell} (SPEC §2): circular two-body orbits over a spherical
 * Earth rotating at a constant rate. The fast path used in every hot loop; Orekit propagation checks it.
 *
 * <p>Phase convention: at t = 0 satellite (s, o) has argument of latitude
 * {@code u₀ = 2π(s−1)/M + 2πF(o−1)/(N·M)} and plane o has right ascension {@code 2π(o−1)/N};
 * {@code u(t) = u₀ + 2πt/T}. The Earth-fixed frame is rotated from the inertial one by
 * {@code θ(t) = θ₀ + ω⊕·t}, θ₀ being the Greenwich angle at t = 0.
 *
 * <p>Ground stations stay on the paper's sphere here ({@link #earthShape()} is the default
 * {@code EarthShape.Sphere} of the shell's radius): latitudes are read as geocentric and elevation is measured
 * from the radial direction. That is the model of the paper and of {@code results/}. Orekit geometries
 * ({@code KeplerianConstellation}, {@code TleConstellation}, {@code TleShell}) place stations on WGS84 instead;
 * the two agree exactly on the equator for a sphere of the equatorial radius, and elsewhere differ by the
 * flattening (up to 21 km of station position, 0.19° of vertical), see {@code GeodeticStationTest}.
 */
public final class CircularOrbitGeometry implements ConstellationGeometry {

    /** Earth rotation rate ω⊕ (rad/s), IERS value. */
    public static final double EARTH_ROTATION_RAD_PER_S = 7.292115146706979e-5;

    private final WalkerShell shell;
    private final Torus torus;
    private final double greenwichAngleAtEpochRad;
    private final double radiusKm;
    private final double meanMotionRadPerS;
    private final double sinI;
    private final double cosI;
    private final double interPlaneChordKm;
    private final double intraPlaneKm;

    /** Geometry with the Greenwich meridian on the inertial X axis at t = 0. */
    public CircularOrbitGeometry(WalkerShell shell) {
        this(shell, 0.0);
    }

    /**
     * @param shell                     the constellation
     * @param greenwichAngleAtEpochRad  θ₀, angle from the inertial X axis to the Greenwich meridian at t = 0
     */
    public CircularOrbitGeometry(WalkerShell shell, double greenwichAngleAtEpochRad) {
        if (shell == null) {
            throw new IllegalArgumentException("shell must not be null");
        }
        if (!Double.isFinite(greenwichAngleAtEpochRad)) {
            // NaN would only surface later, as a "longitude must be in [-180, 180]" error far from the cause
            throw new IllegalArgumentException("greenwichAngleAtEpochRad must be finite, got " + greenwichAngleAtEpochRad);
        }
        this.shell = shell;
        this.torus = shell.torus();
        this.greenwichAngleAtEpochRad = greenwichAngleAtEpochRad;
        this.radiusKm = shell.orbitRadiusKm();
        this.meanMotionRadPerS = 2.0 * Math.PI / shell.periodS();
        this.sinI = Math.sin(shell.inclinationRad());
        this.cosI = Math.cos(shell.inclinationRad());
        this.interPlaneChordKm = radiusKm * Math.sqrt(2.0 * (1.0 - Math.cos(2.0 * Math.PI / shell.planes())));
        this.intraPlaneKm = radiusKm * Math.sqrt(2.0 * (1.0 - Math.cos(2.0 * Math.PI / shell.satsPerPlane())));
    }

    public WalkerShell shell() {
        return shell;
    }

    @Override
    public Torus torus() {
        return torus;
    }

    @Override
    public double earthRadiusKm() {
        return shell.earthRadiusKm();
    }

    public double greenwichAngleAtEpochRad() {
        return greenwichAngleAtEpochRad;
    }

    /** Orbital period (s). */
    public double periodS() {
        return shell.periodS();
    }

    /** Intra-plane link length Dm = r·sqrt(2(1 − cos(2π/M))) (km), constant. */
    public double intraPlaneLinkKm() {
        return intraPlaneKm;
    }

    /**
     * Inter-plane link length between same-index satellites of adjacent planes at argument of latitude
     * {@code uRad}: Dn(u) = r·sqrt(2(1 − cos(2π/N)))·sqrt(cos²u + cos²i·sin²u) (km). Exact for F = 0.
     */
    public double interPlaneLinkKm(double uRad) {
        double cu = Math.cos(uRad);
        double su = Math.sin(uRad);
        return interPlaneChordKm * Math.sqrt(cu * cu + cosI * cosI * su * su);
    }

    /** Argument of latitude of a satellite at t (rad, not reduced modulo 2π). */
    public double argumentOfLatitudeRad(SatId id, double tS) {
        double u0 = 2.0 * Math.PI * (id.sat() - 1) / shell.satsPerPlane()
                + 2.0 * Math.PI * shell.phasing() * (id.orb() - 1) / ((double) shell.planes() * shell.satsPerPlane());
        return u0 + meanMotionRadPerS * tS;
    }

    /** Right ascension of the ascending node of plane {@code orb} (rad). */
    public double raanRad(int orb) {
        return 2.0 * Math.PI * (orb - 1) / shell.planes();
    }

    @Override
    public Vector3D positionInertialKm(SatId id, double tS) {
        double u = argumentOfLatitudeRad(id, tS);
        double raan = raanRad(id.orb());
        double cu = Math.cos(u);
        double su = Math.sin(u);
        double cO = Math.cos(raan);
        double sO = Math.sin(raan);
        return new Vector3D(radiusKm * (cO * cu - sO * su * cosI),
                radiusKm * (sO * cu + cO * su * cosI),
                radiusKm * su * sinI);
    }

    /** Greenwich angle θ(t) (rad). */
    public double greenwichAngleRad(double tS) {
        return greenwichAngleAtEpochRad + EARTH_ROTATION_RAD_PER_S * tS;
    }

    @Override
    public Vector3D positionEarthFixedKm(SatId id, double tS) {
        Vector3D p = positionInertialKm(id, tS);
        double theta = greenwichAngleRad(tS);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        return new Vector3D(c * p.getX() + s * p.getY(), -s * p.getX() + c * p.getY(), p.getZ());
    }

    @Override
    public boolean isAscending(SatId id, double tS) {
        return Math.cos(argumentOfLatitudeRad(id, tS)) > 0.0;
    }

    /** Closed form: sin(lat) = sin(i)·sin(u). */
    @Override
    public double latitudeDeg(SatId id, double tS) {
        return Math.toDegrees(Math.asin(sinI * Math.sin(argumentOfLatitudeRad(id, tS))));
    }

    /** Closed forms for +Grid neighbours when F = 0; positions otherwise. */
    @Override
    public double linkLengthKm(SatId a, SatId b, double tS) {
        if (shell.phasing() == 0) {
            int ds = torus.satSteps(a, b);
            int dorb = torus.orbSteps(a, b);
            if (dorb == 0 && Math.abs(ds) == 1) {
                return intraPlaneKm;
            }
            if (ds == 0 && Math.abs(dorb) == 1) {
                return interPlaneLinkKm(argumentOfLatitudeRad(a, tS));
            }
        }
        return Vector3D.distance(positionInertialKm(a, tS), positionInertialKm(b, tS));
    }
}
