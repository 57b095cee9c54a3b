package io.spacecomp.experiments;

import io.spacecomp.scenario.Amount;
import io.spacecomp.scenario.AreaSpec;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.StationSpec;

/**
 * How a run draws its job from its seed: the area and pass, how many collectors (as many candidate
 * mappers), where the submitting station comes from, and the job's time (drawn, or fixed).
 *
 * @param aoi        the area and the pass rule
 * @param collectors collectors per job, of the AOI's satellites
 * @param stations   the station pool and its elevation mask
 * @param epochS     a fixed job time (s), or null to draw it uniformly in one sidereal day
 */
public record DrawRules(AreaSpec aoi, Amount collectors, StationSpec stations, Double epochS) {

    /** The paper's evaluation (SPEC §9): continental US, alternating passes, k = AOI/5, cities > 1 M at 10°. */
    public static final DrawRules PAPER = new DrawRules(AreaSpec.PAPER, new Amount.Fraction(0.2), StationSpec.PAPER, null);

    /** The rules a scenario gives. */
    public static DrawRules of(Scenario s) {
        return new DrawRules(s.aoi(), s.job().collectors(), s.groundStations(), s.job().epochS());
    }
}
