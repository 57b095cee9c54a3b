package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.ground.EarthShape;
import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundSite;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ground stations on WGS84 against Orekit and against the closed-form ellipsoid; the range cone. */
class GeodeticStationTest {

    private static final AbsoluteDate EPOCH = OrekitData.date("2025-01-01T00:00:00Z");
    private static final double A_M = 6_378_137.0;
    private static final double F = 1.0 / 298.257223563;

    /** ECEF of a geodetic point, closed form (prime vertical radius N), metres. */
    private static Vector3D ecef(double latDeg, double lonDeg, double hM) {
        double e2 = F * (2 - F);
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double n = A_M / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
        return new Vector3D((n + hM) * Math.cos(lat) * Math.cos(lon), (n + hM) * Math.cos(lat) * Math.sin(lon),
                (n * (1 - e2) + hM) * Math.sin(lat));
    }

    @Test
    void stationPositionMatchesOrekitGeodeticPointAndTheClosedFormToTheMillimetre() {
        OneAxisEllipsoid wgs84 = OrekitFrames.wgs84();
        Random random = new Random(84);
        for (int k = 0; k < 500; k++) {
            double lat = -90 + 180 * random.nextDouble();
            double lon = -180 + 360 * random.nextDouble();
            double h = -400 + 9000 * random.nextDouble();
            GroundStation st = new GroundStation("s" + k, lat, lon, h, 25);
            GroundSite site = EarthShape.Wgs84.INSTANCE.site(st);
            Vector3D orekit = wgs84.transform(new GeodeticPoint(Math.toRadians(lat), Math.toRadians(lon), h));
            assertEquals(0.0, Vector3D.distance(site.positionKm().scalarMultiply(1000.0), orekit), 1e-3, st.toString());
            assertEquals(0.0, Vector3D.distance(site.positionKm().scalarMultiply(1000.0), ecef(lat, lon, h)), 1e-3, st.toString());
        }
        // Dalian (38.91 N, 121.60 E): the sphere with the geocentric reading puts it 20.9 km away
        GroundStation dalian = new GroundStation("Dalian", 38.91, 121.60, 0, 25);
        double offKm = Vector3D.distance(EarthShape.Wgs84.INSTANCE.site(dalian).positionKm(), dalian.positionEarthFixedKm(6371.0));
        assertEquals(20.9, offKm, 0.05);
    }

    @Test
    void elevationMatchesOrekitTopocentricFrameForRandomPairs() {
        OneAxisEllipsoid wgs84 = OrekitFrames.wgs84();
        Frame itrf = OrekitFrames.earthFixed();
        Random random = new Random(7);
        for (int k = 0; k < 2000; k++) {
            double lat = -89 + 178 * random.nextDouble();
            double lon = -180 + 360 * random.nextDouble();
            double h = 3000 * random.nextDouble();
            GroundStation st = new GroundStation("s" + k, lat, lon, h, 0);
            GroundSite site = EarthShape.Wgs84.INSTANCE.site(st);
            // a satellite anywhere within 3,000 km of the station, 300..2,000 km up
            Vector3D sat = site.positionKm().add(new Vector3D(-3000 + 6000 * random.nextDouble(),
                    -3000 + 6000 * random.nextDouble(), -3000 + 6000 * random.nextDouble()));
            sat = sat.normalize().scalarMultiply(6678 + 1700 * random.nextDouble());
            TopocentricFrame topo = new TopocentricFrame(wgs84, new GeodeticPoint(Math.toRadians(lat), Math.toRadians(lon), h), "t");
            double expected = Math.toDegrees(topo.getElevation(sat.scalarMultiply(1000.0), itrf, EPOCH));
            assertEquals(expected, site.elevationDeg(sat), 1e-9, st.toString());
            assertEquals(topo.getRange(sat.scalarMultiply(1000.0), itrf, EPOCH) / 1000.0, site.rangeKm(sat), 1e-6);
        }
    }

    @Test
    void visibilityOverAnOrekitGeometryIsTopocentricOnWgs84() {
        KeplerianConstellation orekit = new KeplerianConstellation(WalkerShell.paperDefault(40, 40), EPOCH);
        OneAxisEllipsoid wgs84 = OrekitFrames.wgs84();
        Frame itrf = OrekitFrames.earthFixed();
        GroundStation oslo = new GroundStation("oslo", 59.91, 10.75, 20, 10);
        TopocentricFrame topo = new TopocentricFrame(wgs84, new GeodeticPoint(Math.toRadians(59.91), Math.toRadians(10.75), 20), "oslo");
        for (double t = 0; t < 6000; t += 500) {
            List<SatId> expected = new ArrayList<>();
            for (SatId id : orekit.shell().satellites()) {
                double el = Math.toDegrees(topo.getElevation(orekit.positionEarthFixedKm(id, t).scalarMultiply(1000.0), itrf, orekit.date(t)));
                if (el >= 10) {
                    expected.add(id);
                }
            }
            List<SatId> seen = Visibility.visible(orekit, oslo, t).stream().map(VisibleSatellite::sat).sorted().toList();
            assertEquals(expected, seen, "t = " + t);
        }
    }

    @Test
    void onTheEquatorTheSphereOfTheEquatorialRadiusAndWgs84Agree() {
        // where geodetic and geocentric latitude coincide, both models place the station alike
        for (double lon : new double[] {-120, 0, 33.3, 179}) {
            GroundStation st = new GroundStation("eq", 0.0, lon, 100, 25);
            GroundSite sphere = new EarthShape.Sphere(6378.137).site(st);
            GroundSite ellipsoid = EarthShape.Wgs84.INSTANCE.site(st);
            assertEquals(0.0, Vector3D.distance(sphere.positionKm(), ellipsoid.positionKm()), 1e-9);
            assertEquals(0.0, Vector3D.distance(sphere.zenith(), ellipsoid.zenith()), 1e-12);
        }
    }

    /** The case: 60° N under a 630 km, 51.9° shell, elevation mask 30°. */
    @Test
    void aGeodeticStationAt60NSeesA519DegShellAbove30DegWhereTheSphereNeverDoes() {
        WalkerShell shell = WalkerShell.of(40, 40, 51.9, 630.0);
        KeplerianConstellation orekit = new KeplerianConstellation(shell, EPOCH);
        CircularOrbitGeometry sphere = orekit.analyticTwin();
        GroundStation station = new GroundStation("60N", 60.0, 10.0, 0, 30);
        int steps = 0;
        int seenGeodetic = 0;
        int seenSphere = 0;
        for (double t = 0; t < 86_400; t += 120) {
            steps++;
            if (!Visibility.visible(orekit, station, t).isEmpty()) {
                seenGeodetic++;
            }
            if (!Visibility.visible(sphere, station, t).isEmpty()) {
                seenSphere++;
            }
        }
        assertEquals(0, seenSphere, "the geocentric reading on the 6371 km sphere never reaches 30°");
        double share = seenGeodetic / (double) steps;
        assertTrue(share > 0.15 && share < 0.35, "about a quarter of the time on WGS84: " + share);
    }

    @Test
    void theRangeConeAdmitsExactlyTheSatellitesWithinRange() {
        KeplerianConstellation orekit = new KeplerianConstellation(WalkerShell.of(30, 30, 53, 550), EPOCH);
        Random random = new Random(3);
        int admitted = 0;
        for (int k = 0; k < 40; k++) {
            GroundStation st = new GroundStation("s", -60 + 120 * random.nextDouble(), -180 + 360 * random.nextDouble(), 0, 25);
            double t = random.nextDouble() * 6000;
            double maxKm = 800 + 1500 * random.nextDouble();
            Vector3D here = OrekitFrames.wgs84().transform(new GeodeticPoint(
                    Math.toRadians(st.latDeg()), Math.toRadians(st.lonDeg()), 0)).scalarMultiply(1e-3);
            List<SatId> expected = new ArrayList<>();
            for (SatId id : orekit.shell().satellites()) {
                if (Vector3D.distance(here, orekit.positionEarthFixedKm(id, t)) <= maxKm) {
                    expected.add(id);
                }
            }
            List<VisibleSatellite> seen = Visibility.visible(orekit, st, new GroundLinkModel.RangeCone(maxKm), t);
            assertEquals(expected, seen.stream().map(VisibleSatellite::sat).sorted().toList());
            for (VisibleSatellite v : seen) {
                assertTrue(v.rangeKm() <= maxKm);
            }
            admitted += seen.size();
        }
        assertTrue(admitted > 40, "the cones hold satellites: " + admitted);
    }
}
