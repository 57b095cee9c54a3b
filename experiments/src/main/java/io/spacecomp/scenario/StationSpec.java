package io.spacecomp.scenario;

import io.spacecomp.orbit.ground.GroundLinkModel;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.routing.RttTiming;

import java.util.List;

/**
 * Where jobs are submitted from: each run draws one station of the pool uniformly; its highest satellite
 * above the elevation mask is the job's line-of-sight (LOS) coordinator.
 *
 * @param pool            the shipped cities above a population, or the scenario's own stations
 * @param minElevationDeg the elevation mask of the cities (a listed station may set its own)
 * @param maxGslKm        the range-cone model instead of the mask: a satellite is usable within this slant
 *                        range (km), as ns-3 based simulators model ground links; null for the mask
 * @param timing          how a job's two ground legs see the moving constellation ({@code snapshot}): the result
 *                        goes down when it is ready, from wherever the constellation then is, or both legs at
 *                        the job's time (see {@code io.spacecomp.experiments.GroundLegs})
 */
public record StationSpec(Pool pool, double minElevationDeg, Double maxGslKm, RttTiming timing) {

    /** The paper's evaluation: cities of more than one million people, 10° mask. */
    public static final StationSpec PAPER = new StationSpec(new Pool.Cities(1_000_000), 10.0, null, RttTiming.TIME_DEPENDENT);

    public StationSpec {
        if (timing == null) {
            throw new IllegalArgumentException("timing must not be null");
        }
    }

    /** How {@code station} reaches satellites: its elevation mask, or the range cone. */
    public GroundLinkModel link(GroundStation station) {
        return maxGslKm == null ? new GroundLinkModel.ElevationMask(station.minElevationDeg())
                : new GroundLinkModel.RangeCone(maxGslKm);
    }

    /** The candidate stations. */
    public sealed interface Pool {
        /** The shipped GeoNames cities with more than {@code minPopulation} people. */
        record Cities(long minPopulation) implements Pool {
        }

        /** Stations the scenario lists. */
        record Listed(List<GroundStation> stations) implements Pool {
            public Listed {
                stations = List.copyOf(stations);
            }
        }
    }
}
