package io.spacecomp.experiments.study;

import java.util.Locale;

/** What a study measures of every job, one set of output files each. */
public enum StudyMetric {
    MAP_COST("map_cost_s", "s", "map cost: sum of eq. 5 over the collector -> mapper routes at volume V"),
    REDUCE_COST("reduce_cost_s", "s", "reduce cost: sum of eq. 5 over mapper -> reducer routes at V/F_M, plus reducer -> LOS at V/(F_M*F_R)"),
    DISTANCE("distance_km", "km", "routed distance: total length of the collector -> mapper, mapper -> reducer and reducer -> LOS routes"),
    HOPS("hops", "hops", "routed hops: total ISL hops of the same routes"),
    JOB_TIME("job_time_s", "s", "job time: virtual time from acceptance to completion in the simulated job protocol"),
    GROUND_TIME("ground_time_s", "s", "ground time: from the request leaving the station to the result back on the ground: "
            + "uplink to the LOS satellite, job time, and the way down (ground_stations.snapshot: the constellation frozen "
            + "at the job's time for both legs)");

    private final String column;
    private final String unit;
    private final String description;

    StudyMetric(String column, String unit, String description) {
        this.column = column;
        this.unit = unit;
        this.description = description;
    }

    /** The CSV column, e.g. {@code map_cost_s}. */
    public String column() {
        return column;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** The file-name part, e.g. {@code map-cost}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
