package org.millrace.runtime.taskexecutor;

import java.io.Serializable;
import org.millrace.api.common.JobID;

/**
 * Names one attempt of one subtask of one job vertex, e.g. {@code <jobId>-v3-s1-a0}. Task state
 * reports carry it, so a report from an attempt that was already replaced is recognised and ignored.
 */
public record ExecutionAttemptID(JobID jobId, int vertexId, int subtaskIndex, int attemptNumber) implements Serializable {

    @Override
    public String toString() {
        return jobId + "-v" + vertexId + "-s" + subtaskIndex + "-a" + attemptNumber;
    }

    /** Inverse of {@link #toString()}. */
    public static ExecutionAttemptID fromString(String s) {
        String[] parts = s.split("-");
        if (parts.length != 4 || !parts[1].startsWith("v") || !parts[2].startsWith("s") || !parts[3].startsWith("a")) {
            throw new IllegalArgumentException("Not an execution attempt id: '" + s + "'");
        }
        return new ExecutionAttemptID(JobID.fromHexString(parts[0]), Integer.parseInt(parts[1].substring(1)),
                Integer.parseInt(parts[2].substring(1)), Integer.parseInt(parts[3].substring(1)));
    }
}
