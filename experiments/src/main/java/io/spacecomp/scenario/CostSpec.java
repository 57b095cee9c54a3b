package io.spacecomp.scenario;

import io.spacecomp.placement.CostModel;

/**
 * The cost model of a study: eq. 5 with the eq. 6–7 link budget, plus the volume factors of the reduce
 * phase.
 *
 * @param model           eq. 5 parameters and link budget (Table II when absent)
 * @param mapCompression  F_M: a mapper's output is V / F_M
 * @param reductionFactor F_R: the reducer's output is V / (F_M · F_R)
 */
public record CostSpec(CostModel model, double mapCompression, double reductionFactor) {

    /** Table II: V = 10 GB, F_M = 1, F_R = 5. */
    public static final CostSpec PAPER = new CostSpec(CostModel.PAPER_DEFAULT, 1.0, 5.0);
}
