package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.geometry.GeoPoint;
import io.spacecomp.orbit.ground.EarthShape;
import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

import java.util.Optional;

/** Ground-to-ground round trips over the shortest paths, with either {@link RttTiming}. */
public final class GroundRtt {

    private GroundRtt() {
    }

    /**
     * A round trip: the request from {@code there.from()} and the reply back.
     *
     * @param there the request's path
     * @param back  the reply's path
     */
    public record RoundTrip(GroundPath there, GroundPath back) {

        public RoundTrip {
            if (there == null || back == null) {
                throw new IllegalArgumentException("there and back must not be null");
            }
        }

        /** Round-trip time (s). */
        public double rttS() {
            return there.oneWayDelayS() + back.oneWayDelayS();
        }
    }

    /**
     * The round trip {@code from} → {@code to} → {@code from} starting at {@code tS}, over the shortest path
     * through any satellite {@code link} admits at each end; empty when a station has no usable satellite
     * or no path exists (holes, polar protection).
     */
    public static Optional<RoundTrip> measure(ConstellationGeometry geometry, RouteOptions options, GroundLinkModel link,
                                              GroundStation from, GroundStation to, double tS, RttTiming timing) {
        if (timing == null || link == null) {
            throw new IllegalArgumentException("timing and link must not be null");
        }
        ConstellationGeometry g = timing == RttTiming.SNAPSHOT ? frozen(geometry, tS) : geometry;
        Optional<GroundPath> there = GroundRouting.shortest(g, options, link, from, to, tS);
        if (there.isEmpty()) {
            return Optional.empty();
        }
        double backS = timing == RttTiming.SNAPSHOT ? tS : tS + there.get().oneWayDelayS();
        Optional<GroundPath> back = GroundRouting.shortest(g, options, link, to, from, backS);
        return back.map(b -> new RoundTrip(there.get(), b));
    }

    /** {@code geometry} with every position taken at {@code atS}, whatever time is asked. */
    public static ConstellationGeometry frozen(ConstellationGeometry geometry, double atS) {
        if (!Double.isFinite(atS)) {
            throw new IllegalArgumentException("atS must be finite, got " + atS);
        }
        return new Frozen(geometry, atS);
    }

    private record Frozen(ConstellationGeometry g, double atS) implements ConstellationGeometry {

        @Override
        public Torus torus() {
            return g.torus();
        }

        @Override
        public double earthRadiusKm() {
            return g.earthRadiusKm();
        }

        @Override
        public EarthShape earthShape() {
            return g.earthShape();
        }

        @Override
        public boolean isUp(SatId id) {
            return g.isUp(id);
        }

        @Override
        public boolean allUp() {
            return g.allUp();
        }

        @Override
        public Vector3D positionInertialKm(SatId id, double tS) {
            return g.positionInertialKm(id, atS);
        }

        @Override
        public Vector3D positionEarthFixedKm(SatId id, double tS) {
            return g.positionEarthFixedKm(id, atS);
        }

        @Override
        public boolean isAscending(SatId id, double tS) {
            return g.isAscending(id, atS);
        }

        @Override
        public GeoPoint subSatellitePoint(SatId id, double tS) {
            return g.subSatellitePoint(id, atS);
        }

        @Override
        public double latitudeDeg(SatId id, double tS) {
            return g.latitudeDeg(id, atS);
        }

        @Override
        public double linkLengthKm(SatId a, SatId b, double tS) {
            return g.linkLengthKm(a, b, atS);
        }
    }
}
