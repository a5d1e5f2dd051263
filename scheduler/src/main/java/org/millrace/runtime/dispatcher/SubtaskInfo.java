package org.millrace.runtime.dispatcher;

import org.millrace.runtime.execution.ExecutionState;

/**
 * The current attempt of one parallel subtask in a {@link VertexInfo}: where it runs, since when,
 * how many records it read and wrote, and how its time splits into busy, idle and back-pressured.
 *
 * @param host the TaskManager's {@code host:port}, or {@code "-"} before deployment
 * @param endTime -1 while running
 */
public record SubtaskInfo(
        int subtask,
        ExecutionState status,
        int attempt,
        String host,
        String taskManagerId,
        long startTime,
        long endTime,
        long recordsIn,
        long recordsOut,
        double busyRatio,
        double idleRatio,
        double backPressuredRatio) {}
