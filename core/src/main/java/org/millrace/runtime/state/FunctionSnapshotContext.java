package org.millrace.runtime.state;

/** What a {@code CheckpointedFunction} is told when a checkpoint is taken. */
public interface FunctionSnapshotContext {

    long getCheckpointId();
}
