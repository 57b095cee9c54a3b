package io.spacecomp.tasks;

import java.util.List;

/**
 * A reducer that takes its input a batch at a time: the reducing satellite keeps one running result per job
 * (a {@link Fold}) and drops each batch once it is folded in, instead of holding every partial record until
 * the last stream is complete. Its result must not depend on how the records are cut into batches nor on the
 * order in which the batches arrive; {@link #reduce} is one fold of every record.
 *
 * <p>A job that re-plans (its streams may be replaced by later epochs) is still reduced all at once, with
 * {@link #reduce}: a fold cannot take back what a replaced stream gave it.
 */
public interface FoldingReducer extends Reducer {

    /** A new, empty running result for one job. */
    Fold start(TaskContext ctx) throws Exception;

    /** One job's running result; used by one thread at a time. */
    interface Fold {

        /** Folds in one batch of records. */
        void add(List<Record> records) throws Exception;

        /** The result of everything folded in so far. */
        Record result() throws Exception;
    }

    @Override
    default Record reduce(TaskContext ctx, List<Record> records) throws Exception {
        Fold f = start(ctx);
        f.add(records);
        return f.result();
    }
}
