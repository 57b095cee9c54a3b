package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.Visibility;
import io.spacecomp.orbit.ground.VisibleSatellite;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.Frame;
import org.orekit.frames.TopocentricFrame;
import org.orekit.time.AbsoluteDate;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Elevation from the spherical model ({@link Visibility#elevationDeg}, local vertical = radial) against
 * Orekit's {@link TopocentricFrame} on the WGS84 ellipsoid (local vertical = ellipsoid normal), for the
 * same physical station point (the spherical station, converted to geodetic coordinates with its height
 * over the ellipsoid) and the same satellite positions (Orekit Keplerian, ITRF).
 *
 * <p>Tolerance: the two verticals differ by the deflection δ = φ_geodetic − φ_geocentric of the station,
 * at most 0.192° (at ±45°), 0 at the equator and poles; the elevations can differ by at most δ (exactly δ
 * for a satellite due north or south, 0 due east or west). So each difference must be ≤ δ(station), and
 * all ≤ 0.2°. Measured: 0.1923° at 45°, 0.190° at New York, 0.079° at McMurdo, 6e-14° at the equator.
 */
class GroundVisibilityCrossCheckTest {

    private static final AbsoluteDate EPOCH = OrekitData.date("2025-01-01T00:00:00Z");

    private static final List<GroundStation> STATIONS = List.of(
            new GroundStation("equator", 0.0, 10.0, 0.0, 25.0),
            new GroundStation("new-york", 40.71, -74.01, 0.0, 25.0),
            new GroundStation("mid-45", 45.0, 45.0, 0.0, 25.0),
            new GroundStation("oslo", 59.91, 10.75, 0.0, 25.0),
            new GroundStation("sydney", -33.87, 151.21, 0.0, 25.0),
            new GroundStation("mcmurdo", -77.85, 166.67, 0.0, 25.0));

    @Test
    void sphericalElevationMatchesOrekitTopocentricWithinTheDeflectionOfTheVertical() {
        WalkerShell shell = WalkerShell.paperDefault(100, 100);
        KeplerianConstellation orekit = new KeplerianConstellation(shell, EPOCH);
        OneAxisEllipsoid wgs84 = OrekitFrames.wgs84();
        Frame itrf = OrekitFrames.earthFixed();
        Random random = new Random(25);
        double worst = 0.0;
        double worstAt45 = 0.0;
        int compared = 0;
        for (int k = 0; k < 4; k++) {
            double t = random.nextDouble() * 86_400.0;
            AbsoluteDate date = orekit.date(t);
            List<Vector3D> sats = orekit.positionsEarthFixedKm(t);
            for (GroundStation station : STATIONS) {
                Vector3D stationKm = station.positionEarthFixedKm(orekit.earthRadiusKm());
                GeodeticPoint geodetic = wgs84.transform(stationKm.scalarMultiply(1000.0), itrf, date);
                TopocentricFrame topo = new TopocentricFrame(wgs84, geodetic, station.name());
                double deflectionDeg = Math.abs(Math.toDegrees(geodetic.getLatitude()) - station.latDeg());
                assertTrue(deflectionDeg < 0.193, station.name() + " deflection " + deflectionDeg);
                for (Vector3D satKm : sats) {
                    double spherical = Visibility.elevationDeg(stationKm, satKm);
                    if (spherical < 0.0) {
                        continue;
                    }
                    double ellipsoidal = Math.toDegrees(topo.getElevation(satKm.scalarMultiply(1000.0), itrf, date));
                    double diff = Math.abs(spherical - ellipsoidal);
                    assertTrue(diff <= deflectionDeg + 1e-6,
                            station.name() + ": |Δel| = " + diff + "° > deflection " + deflectionDeg + "°");
                    worst = Math.max(worst, diff);
                    if (station.name().equals("mid-45")) {
                        worstAt45 = Math.max(worstAt45, diff);
                    }
                    compared++;
                }
            }
        }
        assertTrue(worst <= 0.2, "all elevations within 0.2°: " + worst);
        assertTrue(worstAt45 > 0.1, "the flattening shows at 45°: " + worstAt45);
        assertTrue(compared > 1000, "satellites compared: " + compared);
    }

    @Test
    void lineOfSightSatelliteIsOrekitsHighestOnTheGeodeticStation() {
        WalkerShell shell = WalkerShell.paperDefault(100, 100);
        KeplerianConstellation orekit = new KeplerianConstellation(shell, EPOCH);
        OneAxisEllipsoid wgs84 = OrekitFrames.wgs84();
        Frame itrf = OrekitFrames.earthFixed();
        Random random = new Random(7);
        int decided = 0;
        for (int k = 0; k < 6; k++) {
            double t = random.nextDouble() * 86_400.0;
            AbsoluteDate date = orekit.date(t);
            for (GroundStation station : STATIONS) {
                List<VisibleSatellite> seen = Visibility.visible(orekit, station, t);
                assertTrue(!seen.isEmpty(), station.name() + " sees a satellite of 10,000 at 25°");
                if (seen.size() > 1 && seen.get(0).elevationDeg() - seen.get(1).elevationDeg() < 1e-6) {
                    continue; // a tie
                }
                // Orekit geometries place stations on WGS84 from geodetic latitude: the same topocentric frame
                TopocentricFrame topo = new TopocentricFrame(wgs84, new GeodeticPoint(Math.toRadians(station.latDeg()),
                        Math.toRadians(station.lonDeg()), station.altitudeM()), station.name());
                Optional<SatId> best = shell.satellites().stream().max((a, b) -> Double.compare(
                        topo.getElevation(orekit.positionEarthFixedKm(a, t).scalarMultiply(1000.0), itrf, date),
                        topo.getElevation(orekit.positionEarthFixedKm(b, t).scalarMultiply(1000.0), itrf, date)));
                assertEquals(best.orElseThrow(), Visibility.lineOfSight(orekit, station, t).orElseThrow().sat(),
                        station.name() + " at t = " + t);
                decided++;
            }
        }
        assertTrue(decided >= 30, "clear-cut cases: " + decided);
    }
}
