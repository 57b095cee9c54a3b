package io.spacecomp.scenario;

import io.spacecomp.orbit.ground.GroundStation;

import java.util.List;

/**
 * Where jobs are submitted from: each run draws one station of the pool uniformly; its highest satellite
 * above the elevation mask is the job's line-of-sight (LOS) coordinator.
 *
 * @param pool            the shipped cities above a population, or the scenario's own stations
 * @param minElevationDeg the elevation mask of the cities (a listed station may set its own)
 */
public record StationSpec(Pool pool, double minElevationDeg) {

    /** The paper's evaluation: cities of more than one million people, 10° mask. */
    public static final StationSpec PAPER = new StationSpec(new Pool.Cities(1_000_000), 10.0);

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
