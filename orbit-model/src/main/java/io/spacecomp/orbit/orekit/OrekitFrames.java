package io.spacecomp.orbit.orekit;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.models.earth.ReferenceEllipsoid;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.IERSConventions;

/**
 * The reference frames the Orekit-backed geometries use, chosen so that they line up with the analytic
 * model ({@code CircularOrbitGeometry}): an inertial frame whose Z axis is the Earth's rotation axis, and
 * an Earth-fixed frame obtained from it by a rotation θ(t) about that axis.
 *
 * <ul>
 *   <li><b>Inertial: CIRF</b> (Celestial Intermediate Reference Frame, IERS 2010 conventions, simple EOP).
 *   Its Z axis is the Celestial Intermediate Pole, the pole of date, and its X axis is the Celestial
 *   Intermediate Origin, which by construction has no rotation about Z. ITRF is CIRF rotated about Z by
 *   the Earth Rotation Angle ERA = 2π(0.7790572732640 + 1.00273781191135448·D_UT1), followed by polar
 *   motion, which is zero here (no EOP data, see {@link OrekitData}). So ITRF = R_Z(θ₀ + ω⊕·t) · CIRF with
 *   ω⊕ = 7.292115146706979e-5 rad/s exactly, the model of {@code CircularOrbitGeometry}: measured, the
 *   two agree to 1e-13 rad over 10 days. TOD was the other candidate (Z is the true pole too) but its X
 *   axis, the true equinox, precesses and nods: the angle TOD→ITRF (apparent sidereal time) departs from
 *   a linear law by 7e-7 rad in a day and 6e-6 rad in 10 days (≈ 40 m at orbit radius).</li>
 *   <li><b>Earth-fixed: ITRF</b> (IERS 2010 conventions, simple EOP).</li>
 *   <li><b>TEME</b>: the frame SGP4 works in; converted to the two above.</li>
 *   <li><b>WGS84</b> ellipsoid attached to ITRF, for geodetic coordinates and topocentric frames.</li>
 * </ul>
 * CIRF is not strictly inertial (its pole precesses, ≈ 20″ a year), but Orekit treats it as
 * pseudo-inertial and the drift is irrelevant over the hours to days we simulate.
 */
public final class OrekitFrames {

    private OrekitFrames() {
    }

    /** CIRF (IERS 2010, simple EOP): the inertial frame, Z = pole of date. */
    public static Frame inertial() {
        OrekitData.init();
        return FramesFactory.getCIRF(IERSConventions.IERS_2010, true);
    }

    /** ITRF (IERS 2010, simple EOP): the Earth-fixed frame. */
    public static Frame earthFixed() {
        OrekitData.init();
        return FramesFactory.getITRF(IERSConventions.IERS_2010, true);
    }

    /** TEME, the output frame of SGP4. */
    public static Frame teme() {
        OrekitData.init();
        return FramesFactory.getTEME();
    }

    /** The WGS84 reference ellipsoid, fixed to {@link #earthFixed()}. */
    public static OneAxisEllipsoid wgs84() {
        return ReferenceEllipsoid.getWgs84(earthFixed());
    }

    /**
     * The Greenwich angle θ at {@code date}: the angle about Z from the inertial frame's X axis to the
     * Earth-fixed X axis (rad, in (−π, π]). With {@code CircularOrbitGeometry(shell, θ)} the analytic
     * model's Earth-fixed frame is ITRF at that date.
     */
    public static double greenwichAngleRad(AbsoluteDate date) {
        Vector3D itrfXInInertial = earthFixed().getStaticTransformTo(inertial(), date).transformVector(Vector3D.PLUS_I);
        return Math.atan2(itrfXInInertial.getY(), itrfXInInertial.getX());
    }
}
