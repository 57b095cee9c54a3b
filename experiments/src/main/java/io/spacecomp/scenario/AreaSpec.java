package io.spacecomp.scenario;

import io.spacecomp.orbit.aoi.AreaOfInterest;

/**
 * The area of interest: a latitude/longitude box and which pass of satellites over it a job uses.
 *
 * @param box  the box (a western bound east of the eastern one crosses the antimeridian)
 * @param pass ascending, descending, alternate or any
 */
public record AreaSpec(AreaOfInterest box, PassMode pass) {

    /** The paper's evaluation: the continental United States, passes alternating run by run. */
    public static final AreaSpec PAPER = new AreaSpec(AreaOfInterest.CONTINENTAL_US, PassMode.ALTERNATE);
}
