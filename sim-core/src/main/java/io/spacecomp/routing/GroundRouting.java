package io.spacecomp.routing;

import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.Visibility;
import io.spacecomp.orbit.ground.VisibleSatellite;
import io.spacecomp.orbit.link.LinkBudget;
import io.spacecomp.orbit.shell.SatId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Paths that start and end on the ground. */
public final class GroundRouting {

    private GroundRouting() {
    }

    /**
     * Through each station's line-of-sight (highest) satellite, with any router; empty when a station
     * sees no satellite.
     */
    public static Optional<GroundPath> viaLineOfSight(Router router, ConstellationGeometry geometry,
                                                      GroundStation from, GroundStation to, double departureS) {
        Optional<VisibleSatellite> up = Visibility.lineOfSight(geometry, from, departureS);
        Optional<VisibleSatellite> down = Visibility.lineOfSight(geometry, to, departureS);
        if (up.isEmpty() || down.isEmpty()) {
            return Optional.empty();
        }
        double islDeparture = departureS + LinkBudget.propagationDelayS(up.get().rangeKm());
        Path isl = router.route(up.get().sat(), down.get().sat(), islDeparture);
        return Optional.of(new GroundPath(from, to, up.get(), isl, down.get()));
    }

    /**
     * The shortest ground-to-ground path through any satellite each station sees above its minimum
     * elevation (so never longer than the line-of-sight path). Visibility at the destination is taken
     * at departure: a path lasts tens of milliseconds, elevations change over seconds.
     */
    public static Optional<GroundPath> shortest(ConstellationGeometry geometry, RouteOptions options,
                                                GroundStation from, GroundStation to, double departureS) {
        return shortest(geometry, options, GroundLinkModel.of(from), GroundLinkModel.of(to), from, to, departureS);
    }

    /**
     * As {@link #shortest(ConstellationGeometry, RouteOptions, GroundStation, GroundStation, double)}, with
     * {@code link} deciding which satellites both stations can use instead of their own elevation masks.
     */
    public static Optional<GroundPath> shortest(ConstellationGeometry geometry, RouteOptions options, GroundLinkModel link,
                                                GroundStation from, GroundStation to, double departureS) {
        return shortest(geometry, options, link, link, from, to, departureS);
    }

    /**
     * The shortest way from satellite {@code from} down to {@code to}, leaving at {@code departureS}: straight
     * down when that is shortest, else over ISLs to a satellite the station can use ({@code link}); empty when
     * it can use none, or none is reachable. Which satellites it can use is taken at departure, as for
     * {@link #shortest}.
     */
    public static Optional<PathToGround> toGround(ConstellationGeometry geometry, RouteOptions options, GroundLinkModel link,
                                                  SatId from, GroundStation to, double departureS) {
        if (!geometry.isUp(from)) {
            throw new IllegalArgumentException("satellite " + from + " is down: it holds nothing to send down");
        }
        Map<SatId, VisibleSatellite> exits = new HashMap<>();
        for (VisibleSatellite v : Visibility.visible(geometry, to, link, departureS)) {
            exits.put(v.sat(), v);
        }
        if (exits.isEmpty()) {
            return Optional.empty();
        }
        Links links = new Links(geometry, options, LinkState.ALL_UP);
        TimeDependentDijkstra.Result r = new TimeDependentDijkstra(links, TimeDependentDijkstra.Order.DISTANCE)
                .search(List.of(new TimeDependentDijkstra.Start(from, 0.0, departureS)),
                        sat -> exits.containsKey(sat) ? exits.get(sat).rangeKm() : -1.0);
        return r == null ? Optional.empty() : Optional.of(new PathToGround(to, r.path(), exits.get(r.path().destination())));
    }

    private static Optional<GroundPath> shortest(ConstellationGeometry geometry, RouteOptions options,
                                                 GroundLinkModel fromLink, GroundLinkModel toLink,
                                                 GroundStation from, GroundStation to, double departureS) {
        List<VisibleSatellite> ups = Visibility.visible(geometry, from, fromLink, departureS);
        List<VisibleSatellite> downs = Visibility.visible(geometry, to, toLink, departureS);
        if (ups.isEmpty() || downs.isEmpty()) {
            return Optional.empty();
        }
        List<TimeDependentDijkstra.Start> starts = new ArrayList<>(ups.size());
        for (VisibleSatellite v : ups) {
            starts.add(new TimeDependentDijkstra.Start(v.sat(), v.rangeKm(),
                    departureS + LinkBudget.propagationDelayS(v.rangeKm())));
        }
        Map<SatId, VisibleSatellite> exits = new HashMap<>();
        for (VisibleSatellite v : downs) {
            exits.put(v.sat(), v);
        }
        Links links = new Links(geometry, options, LinkState.ALL_UP);
        TimeDependentDijkstra.Result r = new TimeDependentDijkstra(links, TimeDependentDijkstra.Order.DISTANCE)
                .search(starts, sat -> exits.containsKey(sat) ? exits.get(sat).rangeKm() : -1.0);
        if (r == null) {
            return Optional.empty();
        }
        Path isl = r.path();
        VisibleSatellite up = ups.stream().filter(v -> v.sat().equals(isl.source())).findFirst().orElseThrow();
        return Optional.of(new GroundPath(from, to, up, isl, exits.get(isl.destination())));
    }
}
