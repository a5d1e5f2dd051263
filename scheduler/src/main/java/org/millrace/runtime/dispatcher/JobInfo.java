package org.millrace.runtime.dispatcher;

import java.util.List;
import java.util.Map;
import org.millrace.api.common.JobID;
import org.millrace.runtime.execution.JobStatus;

/**
 * A point-in-time view of one job, running or ended, as the REST API shows it: its state with the
 * time it entered each state, its vertices with their subtasks, and the failures seen so far.
 *
 * @param endTime -1 while the job has not ended
 */
public record JobInfo(
        JobID jobId,
        String name,
        JobStatus status,
        long startTime,
        long endTime,
        Map<JobStatus, Long> stateTimestamps,
        List<VertexInfo> vertices,
        List<ExceptionInfo> exceptionHistory) {

    /** The vertex with the given 32-hex-digit id, or null. */
    public VertexInfo vertex(String vertexId) {
        for (VertexInfo v : vertices) {
            if (v.id().equals(vertexId)) {
                return v;
            }
        }
        return null;
    }
}
