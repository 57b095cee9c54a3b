package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.EarthShape;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Satellites from a TLE file, propagated by SGP4 ({@link TLEPropagator}).
 *
 * <p>SGP4 works in TEME; positions are reported in the same frames as {@link KeplerianConstellation}:
 * {@link OrekitFrames#inertial() CIRF} (inertial, Z = pole of date) and ITRF (Earth-fixed). Time
 * {@code tS} is seconds since the constellation's epoch, by default the first TLE's epoch.
 *
 * <p>Any TLE set is usable as a plain list of satellites, addressed by their 0-based index in the file
 * ({@link #positionInertialKm(int, double)} and the like). The {@link ConstellationGeometry} methods,
 * which address satellites by {@link SatId}, need a +Grid view: a file listed plane by plane, M satellites
 * per plane, is an N×M torus whose satellite (sat, orb) is entry {@code (orb−1)·M + sat − 1} of the file
 * ({@link #asGrid(Path, int, int)}, {@link #withGrid(int, int)}). Without one, {@link #torus()} and the
 * {@code SatId} methods throw {@link IllegalStateException}.
 *
 * <p>This class reads a grid strictly in file order; {@link TleCatalogue} infers the grid of a catalogue as
 * it comes (any order, several shells, spares, holes). Ground stations stand on WGS84 ({@link #earthShape()});
 * {@link #earthRadiusKm()} is the paper's spherical 6371 km, kept for the analytic twin. Propagators are built once per satellite
 * (≈ 0.25 s to read and set up 10,000); frame transforms once per instant (10,000 Earth-fixed positions:
 * ≈ 6 ms after JIT warm-up). Thread-safe.
 */
public final class TleConstellation implements ConstellationGeometry {

    private final String source;
    private final List<TleSatellite> satellites;
    private final TLEPropagator[] propagators;
    private final AbsoluteDate epoch;
    private final Torus grid;
    private final Frame earthFixed;
    private final OneAxisEllipsoid wgs84;
    private final DateTransforms transforms;

    private TleConstellation(String source, List<TleSatellite> satellites, TLEPropagator[] propagators,
                             AbsoluteDate epoch, Torus grid) {
        this.source = source;
        this.satellites = satellites;
        this.propagators = propagators;
        this.epoch = epoch;
        this.grid = grid;
        this.earthFixed = OrekitFrames.earthFixed();
        this.wgs84 = OrekitFrames.wgs84();
        this.transforms = new DateTransforms(OrekitFrames.teme(), epoch);
    }

    /** Every satellite of a TLE file as a plain list; t = 0 at the first TLE's epoch. */
    public static TleConstellation read(Path file) {
        return of(String.valueOf(file), TleReader.read(file), null);
    }

    /** Every satellite of a TLE file as a plain list; t = 0 at {@code epoch}. */
    public static TleConstellation read(Path file, AbsoluteDate epoch) {
        return of(String.valueOf(file), TleReader.read(file), epoch);
    }

    /**
     * A TLE file listed plane by plane as an N×M +Grid shell; t = 0 at the first TLE's epoch.
     *
     * @throws IllegalArgumentException if the file does not hold exactly planes × satsPerPlane satellites
     */
    public static TleConstellation asGrid(Path file, int planes, int satsPerPlane) {
        return read(file).withGrid(planes, satsPerPlane);
    }

    /** As {@link #asGrid(Path, int, int)}, with t = 0 at {@code epoch}. */
    public static TleConstellation asGrid(Path file, int planes, int satsPerPlane, AbsoluteDate epoch) {
        return read(file, epoch).withGrid(planes, satsPerPlane);
    }

    /**
     * Satellites already parsed (e.g. by {@link TleReader} or {@link TleWriter#generate}).
     *
     * @param source     a name for error messages (e.g. the file name)
     * @param satellites at least one
     * @param epoch      t = 0, or null for the first satellite's TLE epoch
     */
    public static TleConstellation of(String source, List<TleSatellite> satellites, AbsoluteDate epoch) {
        if (satellites == null || satellites.isEmpty()) {
            throw new IllegalArgumentException("satellites must not be empty (source " + source + ")");
        }
        OrekitData.init();
        Frame teme = OrekitFrames.teme();
        TLEPropagator[] propagators = new TLEPropagator[satellites.size()];
        for (int i = 0; i < propagators.length; i++) {
            propagators[i] = TLEPropagator.selectExtrapolator(satellites.get(i).tle(), teme);
        }
        AbsoluteDate t0 = epoch != null ? epoch : satellites.get(0).epoch();
        return new TleConstellation(source, List.copyOf(satellites), propagators, t0, null);
    }

    /**
     * The same satellites seen as an N×M +Grid shell listed plane by plane (propagators are shared).
     *
     * @throws IllegalArgumentException if the count is not planes × satsPerPlane, naming both numbers
     */
    public TleConstellation withGrid(int planes, int satsPerPlane) {
        Torus torus = new Torus(planes, satsPerPlane);
        if (torus.size() != satellites.size()) {
            throw new IllegalArgumentException("TLE file " + source + " holds " + satellites.size()
                    + " satellites, but planes × satsPerPlane = " + planes + " × " + satsPerPlane + " = "
                    + torus.size() + " are needed for an N×M grid");
        }
        return new TleConstellation(source, satellites, propagators, epoch, torus);
    }

    /** The same satellites with t = 0 at another epoch. */
    public TleConstellation withEpoch(AbsoluteDate newEpoch) {
        if (newEpoch == null) {
            throw new IllegalArgumentException("epoch must not be null");
        }
        return new TleConstellation(source, satellites, propagators, newEpoch, grid);
    }

    /** Where the satellites came from (file name). */
    public String source() {
        return source;
    }

    /** Number of satellites. */
    public int size() {
        return satellites.size();
    }

    /** The satellites in file order. */
    public List<TleSatellite> satellites() {
        return satellites;
    }

    /** The instant t = 0. */
    public AbsoluteDate epoch() {
        return epoch;
    }

    /** The date {@code tS} seconds after the epoch. */
    public AbsoluteDate date(double tS) {
        return epoch.shiftedBy(KeplerianConstellation.requireFinite(tS));
    }

    /** The +Grid torus, if this is a grid view. */
    public Optional<Torus> grid() {
        return Optional.ofNullable(grid);
    }

    /**
     * The +Grid torus.
     *
     * @throws IllegalStateException if this is a plain list (no N×M given)
     */
    @Override
    public Torus torus() {
        return requireGrid();
    }

    /** The paper's spherical Earth radius, kept for the analytic twin; ground stations stand on WGS84 ({@link #earthShape()}), 6371 km. */
    @Override
    public double earthRadiusKm() {
        return WalkerShell.DEFAULT_EARTH_RADIUS_KM;
    }

    /** WGS84: ground stations are placed from geodetic coordinates, elevation above the ellipsoid horizon. */
    @Override
    public EarthShape earthShape() {
        return EarthShape.Wgs84.INSTANCE;
    }

    /** File index (0-based) of satellite (sat, orb) in the grid view. */
    public int index(SatId id) {
        Torus t = requireGrid();
        if (id.sat() > t.satsPerPlane()) {
            throw new IllegalArgumentException("sat must be in [1, " + t.satsPerPlane() + "], got " + id.sat());
        }
        if (id.orb() > t.planes()) {
            throw new IllegalArgumentException("orb must be in [1, " + t.planes() + "], got " + id.orb());
        }
        return id.node(t.satsPerPlane()) - 1;
    }

    /** Satellite (sat, orb) of the file entry {@code index} (0-based) in the grid view. */
    public SatId satId(int index) {
        Torus t = requireGrid();
        requireIndex(index);
        return SatId.fromNode(index + 1, t.satsPerPlane());
    }

    /** The TLE entry of satellite (sat, orb) in the grid view. */
    public TleSatellite satellite(SatId id) {
        return satellites.get(index(id));
    }

    /** Position and velocity in TEME (m, m/s), straight from SGP4. */
    public PVCoordinates pvTeme(int index, double tS) {
        return pvTemeAt(index, transforms.at(KeplerianConstellation.requireFinite(tS)).date());
    }

    private PVCoordinates pvTemeAt(int index, AbsoluteDate date) {
        TLEPropagator propagator = propagators[requireIndex(index)];
        synchronized (propagator) { // SGP4 keeps intermediate results in fields
            return propagator.getPVCoordinates(date);
        }
    }

    /** Position of file entry {@code index} in CIRF (km). */
    public Vector3D positionInertialKm(int index, double tS) {
        DateTransforms.Entry e = transforms.at(KeplerianConstellation.requireFinite(tS));
        return e.toInertial().transformPosition(pvTemeAt(index, e.date()).getPosition()).scalarMultiply(1e-3);
    }

    /** Velocity of file entry {@code index} in CIRF (km/s). */
    public Vector3D velocityInertialKmPerS(int index, double tS) {
        DateTransforms.Entry e = transforms.at(KeplerianConstellation.requireFinite(tS));
        return e.toInertial().transformPVCoordinates(pvTemeAt(index, e.date())).getVelocity().scalarMultiply(1e-3);
    }

    /** Position of file entry {@code index} in ITRF (km). */
    public Vector3D positionEarthFixedKm(int index, double tS) {
        DateTransforms.Entry e = transforms.at(KeplerianConstellation.requireFinite(tS));
        return e.toEarthFixed().transformPosition(pvTemeAt(index, e.date()).getPosition()).scalarMultiply(1e-3);
    }

    /** ITRF positions of every satellite at {@code tS}, in file order (km). */
    public List<Vector3D> positionsEarthFixedKm(double tS) {
        DateTransforms.Entry e = transforms.at(KeplerianConstellation.requireFinite(tS));
        List<Vector3D> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(e.toEarthFixed().transformPosition(pvTemeAt(i, e.date()).getPosition()).scalarMultiply(1e-3));
        }
        return all;
    }

    /** Whether file entry {@code index} moves north (CIRF velocity Z &gt; 0). */
    public boolean isAscending(int index, double tS) {
        return velocityInertialKmPerS(index, tS).getZ() > 0.0;
    }

    /** Geodetic sub-satellite point and altitude of file entry {@code index} over WGS84. */
    public GeodeticPosition geodeticPosition(int index, double tS) {
        DateTransforms.Entry e = transforms.at(KeplerianConstellation.requireFinite(tS));
        Vector3D itrfM = e.toEarthFixed().transformPosition(pvTemeAt(index, e.date()).getPosition());
        return GeodeticPosition.of(wgs84.transform(itrfM, earthFixed, e.date()));
    }

    /** Distance between file entries {@code a} and {@code b} (km). */
    public double distanceKm(int a, int b, double tS) {
        return Vector3D.distance(positionInertialKm(a, tS), positionInertialKm(b, tS));
    }

    @Override
    public Vector3D positionInertialKm(SatId id, double tS) {
        return positionInertialKm(index(id), tS);
    }

    @Override
    public Vector3D positionEarthFixedKm(SatId id, double tS) {
        return positionEarthFixedKm(index(id), tS);
    }

    @Override
    public boolean isAscending(SatId id, double tS) {
        return isAscending(index(id), tS);
    }

    /** Geodetic sub-satellite point of satellite (sat, orb) in the grid view. */
    public GeodeticPosition geodeticPosition(SatId id, double tS) {
        return geodeticPosition(index(id), tS);
    }

    private Torus requireGrid() {
        if (grid == null) {
            throw new IllegalStateException("TLE set " + source + " (" + satellites.size()
                    + " satellites) has no +Grid view: use asGrid(file, planes, satsPerPlane) or withGrid(planes, satsPerPlane)");
        }
        return grid;
    }

    private int requireIndex(int index) {
        if (index < 0 || index >= satellites.size()) {
            throw new IllegalArgumentException("index must be in [0, " + (satellites.size() - 1) + "], got " + index);
        }
        return index;
    }
}
