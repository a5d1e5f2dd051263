package org.millrace.runtime.state;

import java.util.concurrent.Executor;
import org.millrace.runtime.checkpoint.TaskRestore;

/**
 * What a task of a checkpointed job is deployed with: where its state files go, whom it
 * acknowledges checkpoints to, the checkpoint it restores from (null on a fresh start), the
 * executor that writes snapshots while the task goes on processing, whether barriers are aligned,
 * and which keyed state backend its keyed operators use.
 */
public record TaskStateManager(TaskCheckpointStorage storage, CheckpointResponder responder, TaskRestore restore,
                               Executor asyncSnapshotExecutor, boolean exactlyOnce,
                               KeyedStateBackendLoader keyedStateBackends) {

    /** A task whose keyed operators keep their state on the heap. */
    public TaskStateManager(TaskCheckpointStorage storage, CheckpointResponder responder, TaskRestore restore,
                            Executor asyncSnapshotExecutor, boolean exactlyOnce) {
        this(storage, responder, restore, asyncSnapshotExecutor, exactlyOnce, KeyedStateBackendLoader.HEAP);
    }
}
