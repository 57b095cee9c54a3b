package io.spacecomp.experiments;

import io.spacecomp.orbit.aoi.Pass;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.ground.Cities;
import io.spacecomp.orbit.ground.City;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.ground.Visibility;
import io.spacecomp.orbit.ground.VisibleSatellite;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.scenario.StationSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One run's job set-up (SPEC §9), drawn from the run's seed alone by a scenario's {@link DrawRules}: an
 * epoch, a pass direction, the satellites of that pass over the area at that epoch, a seeded share of
 * them as collectors and a disjoint share as candidate mappers, and the line-of-sight satellite of a
 * random ground station. The paper's rules ({@link DrawRules#PAPER}): the continental US, 1/5 each, a
 * city of more than one million people at a 10° mask.
 *
 * @param shell       the constellation
 * @param run         run index (0-based)
 * @param runSeed     the run's seed
 * @param epochS      the job's time (s since the constellation epoch), uniform in one sidereal day
 * @param pass        ascending on even runs, descending on odd runs
 * @param aoiSats     number of satellites of that pass inside the AOI
 * @param collectors  k = max(1, ⌊aoiSats/5⌋) collectors, in the order the allocators see them
 * @param candidates  k candidate mappers, disjoint from the collectors
 * @param station     the ground station that submits the job
 * @param stationName how the CSV names it: "City (CC)" for a shipped city, else the station's name
 * @param los         the highest satellite that city sees (above the station's elevation mask)
 * @param losElevationDeg the LOS satellite's elevation seen from the city (degrees)
 */
public record JobScenario(WalkerShell shell, int run, long runSeed, double epochS, Pass pass, int aoiSats,
                          List<SatId> collectors, List<SatId> candidates, GroundStation station, String stationName, SatId los,
                          double losElevationDeg) {

    /** One sidereal day (s): the epoch is drawn uniformly in it, so every Earth orientation is equally likely. */
    public static final double SIDEREAL_DAY_S = 86_164.0905;

    private static final int MAX_DRAWS = 1000;

    public JobScenario {
        collectors = List.copyOf(collectors);
        candidates = List.copyOf(candidates);
    }

    /** Draws run {@code run}'s scenario over {@code geometry} from {@code runSeed} by the paper's rules. */
    public static JobScenario draw(CircularOrbitGeometry geometry, int run, long runSeed) {
        return draw(geometry, DrawRules.PAPER, run, runSeed);
    }

    /**
     * Draws run {@code run}'s scenario by {@code rules}: the job's time (redrawn until the pass over the area
     * holds k collectors and k candidates), a seeded shuffle of those satellites, and a station of the pool
     * that sees a satellite (redrawn until one does).
     */
    public static JobScenario draw(CircularOrbitGeometry geometry, DrawRules rules, int run, long runSeed) {
        return draw(geometry, geometry.shell(), rules, run, runSeed);
    }

    /**
     * Draws over any geometry (an analytic shell, or a TLE catalogue's shell: its empty slots are never drawn);
     * {@code shell} is the grid as the CSV describes it.
     */
    public static JobScenario draw(ConstellationGeometry geometry, WalkerShell shell, DrawRules rules, int run, long runSeed) {
        SplittableRandom rnd = new SplittableRandom(runSeed);
        Pass pass = rules.aoi().pass().passOfRun(run);
        double epochS = 0;
        List<SatId> aoi = List.of();
        int draws = rules.epochS() == null ? MAX_DRAWS : 1;
        for (int draw = 0; draw < draws && !enough(aoi.size(), rules); draw++) {
            epochS = rules.epochS() == null ? rnd.nextDouble() * SIDEREAL_DAY_S : rules.epochS();
            aoi = rules.aoi().box().satellitesInside(geometry, epochS, pass);
        }
        if (!enough(aoi.size(), rules)) {
            throw new IllegalArgumentException("a " + shell.planes() + " x " + shell.satsPerPlane()
                    + " shell " + (rules.epochS() == null ? "never has" : "does not have, at t = " + rules.epochS() + " s,")
                    + " enough " + pass.name().toLowerCase(java.util.Locale.ROOT) + " satellites over the AOI for "
                    + rules.collectors().text() + " collectors and as many mappers; use more planes or a larger area");
        }
        List<SatId> shuffled = new ArrayList<>(aoi);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            SatId tmp = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, tmp);
        }
        int k = rules.collectors().of(shuffled.size());
        List<GroundStation> stations = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double mask = rules.stations().minElevationDeg();
        if (rules.stations().pool() instanceof StationSpec.Pool.Cities c) {
            for (City city : Cities.withPopulationAbove(c.minPopulation())) {
                stations.add(city.asStation(mask));
                names.add(city.name() + " (" + city.country() + ")");
            }
        } else if (rules.stations().pool() instanceof StationSpec.Pool.Listed l) {
            for (GroundStation g : l.stations()) {
                stations.add(g);
                names.add(g.name());
            }
        }
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            int pick = rnd.nextInt(stations.size());
            GroundStation station = stations.get(pick);
            Optional<VisibleSatellite> los = rules.stations().maxGslKm() == null
                    ? Visibility.lineOfSight(geometry, station, epochS)
                    : Visibility.lineOfSight(geometry, station, rules.stations().link(station), epochS);
            if (los.isPresent()) {
                return new JobScenario(shell, run, runSeed, epochS, pass, aoi.size(),
                        shuffled.subList(0, k), shuffled.subList(k, 2 * k), station, names.get(pick), los.get().sat(),
                        los.get().elevationDeg());
            }
        }
        throw new IllegalArgumentException("no ground station of the pool sees a satellite above its elevation mask in a "
                + shell.planes() + "-plane shell at t = " + epochS + " s; use more planes or other stations");
    }

    /** Whether an AOI of {@code n} satellites holds k collectors and k candidate mappers (and at least 2). */
    private static boolean enough(int n, DrawRules rules) {
        return n >= 2 && 2 * rules.collectors().of(n) <= n;
    }

    /** Number of collectors k (= number of candidate mappers). */
    public int k() {
        return collectors.size();
    }
}
