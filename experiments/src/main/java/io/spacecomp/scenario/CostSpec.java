package io.spacecomp.scenario;

import io.spacecomp.placement.CostModel;
import io.spacecomp.protocol.ProcessingModel;
import io.spacecomp.tasks.TaskCost;

/**
 * The cost model of a study: eq. 5 with the eq. 6–7 link budget, plus the volume factors of the reduce
 * phase.
 *
 * @param model           eq. 5 parameters and link budget (Table II when absent)
 * @param mapCompression  F_M: a mapper's output is V / F_M
 * @param reductionFactor F_R: the reducer's output is V / (F_M · F_R)
 * @param flightSlowdown  how many times slower than the reference machine the flight computer runs a task that
 *                        carries measured costs ({@link TaskCost}); 1 = as measured
 */
public record CostSpec(CostModel model, double mapCompression, double reductionFactor, double flightSlowdown) {

    /** Table II: V = 10 GB, F_M = 1, F_R = 5. */
    public static final CostSpec PAPER = new CostSpec(CostModel.PAPER_DEFAULT, 1.0, 5.0);

    /** Tasks' measured costs as measured (flight slowdown 1). */
    public CostSpec(CostModel model, double mapCompression, double reductionFactor) {
        this(model, mapCompression, reductionFactor, 1.0);
    }

    /** The simulator's processing model: the default one, with task costs scaled by the flight slowdown. */
    public ProcessingModel processing() {
        return ProcessingModel.DEFAULT.withTaskCostScale(flightSlowdown);
    }
}
