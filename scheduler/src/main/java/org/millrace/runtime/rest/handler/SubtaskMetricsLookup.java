package org.millrace.runtime.rest.handler;

import java.util.Optional;
import org.millrace.api.common.JobID;
import org.millrace.runtime.dispatcher.SubtaskInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.rest.metrics.MetricStore;
import org.millrace.runtime.rest.metrics.TaskMetrics;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;

/**
 * Finds the metrics the TaskManagers reported for a subtask's current attempt, so the job views can
 * show records and time rates that the job's own snapshot does not carry.
 */
@FunctionalInterface
interface SubtaskMetricsLookup {

    /** No reported metrics (an embedded cluster has no heartbeats). */
    SubtaskMetricsLookup NONE = (vertex, subtask) -> Optional.empty();

    Optional<TaskMetrics> find(VertexInfo vertex, SubtaskInfo subtask);

    /** The metrics of job {@code jobId} in {@code store}, keyed as its attempts are named. */
    static SubtaskMetricsLookup of(MetricStore store, JobID jobId) {
        return (vertex, subtask) -> store.task(new ExecutionAttemptID(jobId,
                Integer.parseUnsignedInt(vertex.id().substring(vertex.id().length() - 8), 16), subtask.subtask(),
                subtask.attempt()).toString());
    }
}
