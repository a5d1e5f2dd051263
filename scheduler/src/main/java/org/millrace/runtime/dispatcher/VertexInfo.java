package org.millrace.runtime.dispatcher;

import java.util.List;
import org.millrace.runtime.execution.ExecutionState;

/**
 * One job vertex (a chain of operators) in a {@link JobInfo}.
 *
 * @param id 32 hexadecimal digits, stable for the job
 * @param status the vertex's aggregate state: the "least advanced" of its subtasks' states
 */
public record VertexInfo(
        String id,
        String name,
        int parallelism,
        int maxParallelism,
        ExecutionState status,
        List<SubtaskInfo> subtasks) {}
