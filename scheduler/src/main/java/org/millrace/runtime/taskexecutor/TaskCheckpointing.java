package org.millrace.runtime.taskexecutor;

import java.io.Serializable;
import org.millrace.runtime.checkpoint.TaskRestore;

/**
 * The checkpoint settings a subtask of a checkpointed job is deployed with.
 *
 * @param jobCheckpointDirectory {@code state.checkpoints.dir/<job id>} (a file system URI)
 * @param restore the state to start from, or null on a fresh start
 * @param exactlyOnce whether barriers are aligned ({@code execution.checkpointing.mode})
 */
public record TaskCheckpointing(String jobCheckpointDirectory, TaskRestore restore, boolean exactlyOnce)
        implements Serializable {}
