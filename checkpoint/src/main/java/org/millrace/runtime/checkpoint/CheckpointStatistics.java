package org.millrace.runtime.checkpoint;

/**
 * How a job's checkpoints went, for {@code GET /jobs/:jobid/checkpoints}: counts since the job
 * was submitted and the latest completed checkpoint and savepoint.
 *
 * @param latestCompleted the newest completed checkpoint, or null
 * @param latestDurationMillis trigger to completion of {@code latestCompleted}, or -1
 * @param latestSavepoint the directory of the newest savepoint, or null
 */
public record CheckpointStatistics(long completed, long failed, int inProgress, CompletedCheckpoint latestCompleted,
                                   long latestDurationMillis, String latestSavepoint) {}
