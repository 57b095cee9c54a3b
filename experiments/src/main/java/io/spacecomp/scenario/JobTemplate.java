package io.spacecomp.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.protocol.FailurePolicy;

/**
 * What every job of a scenario is, before a run draws its satellites.
 *
 * @param collectors        collectors per job: a fraction of the AOI's satellites or a count
 * @param mappers           candidate mappers; the job protocol takes as many as there are collectors
 * @param tasks             the task names
 * @param data              the tasks' {@code job_data} (e.g. {@code {filename: corpus.txt}})
 * @param maxCollectRecords records per collector batch
 * @param timeoutS          the job's deadline after acceptance (s)
 * @param jobs              concurrent jobs per run in {@code simulate}
 * @param epochS            the job's time (s since the constellation epoch); null draws it per run in one sidereal day
 * @param onFailure         what a job does when a satellite working for it is lost
 */
public record JobTemplate(Amount collectors, Amount mappers, TaskNames tasks, ObjectNode data, int maxCollectRecords,
                          double timeoutS, int jobs, Double epochS, FailurePolicy onFailure) {

    public JobTemplate {
        data = data.deepCopy();
        onFailure = onFailure == null ? FailurePolicy.FAIL : onFailure;
    }

    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }
}
