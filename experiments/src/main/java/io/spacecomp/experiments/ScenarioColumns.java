package io.spacecomp.experiments;

import java.util.List;
import java.util.function.Function;

/** The CSV columns that identify a run's scenario, shared by every experiment. */
final class ScenarioColumns {

    private ScenarioColumns() {
    }

    static <R> List<Column<R>> of(Function<R, JobScenario> scenario) {
        return List.of(
                Column.of("planes", "orbital planes N", r -> Csv.num(scenario.apply(r).shell().planes())),
                Column.of("sats_per_plane", "satellites per plane M", r -> Csv.num(scenario.apply(r).shell().satsPerPlane())),
                Column.of("satellites", "constellation size N*M", r -> Csv.num(scenario.apply(r).shell().size())),
                Column.of("inclination_deg", "orbital inclination (degrees)", r -> Csv.num(scenario.apply(r).shell().inclinationDeg(), 1)),
                Column.of("altitude_km", "altitude (km)", r -> Csv.num(scenario.apply(r).shell().altitudeKm(), 1)),
                Column.of("run", "run index, 0-based", r -> Csv.num(scenario.apply(r).run())),
                Column.of("run_seed", "the run's seed, derived from (seed, family, N, run)", r -> Long.toString(scenario.apply(r).runSeed())),
                Column.of("epoch_s", "the job's time, seconds since the constellation epoch", r -> Csv.num(scenario.apply(r).epochS(), 3)),
                Column.of("pass", "ascending or descending satellites only", r -> scenario.apply(r).pass().name().toLowerCase(java.util.Locale.ROOT)),
                Column.of("aoi_sats", "satellites of that pass over the AOI", r -> Csv.num(scenario.apply(r).aoiSats())),
                Column.of("collectors", "collectors k (= candidate mappers)", r -> Csv.num(scenario.apply(r).k())),
                Column.of("city", "the LOS ground station's city", r -> scenario.apply(r).stationName()),
                Column.of("los_sat", "LOS satellite: index in its plane", r -> Csv.num(scenario.apply(r).los().sat())),
                Column.of("los_orb", "LOS satellite: plane", r -> Csv.num(scenario.apply(r).los().orb())));
    }
}
