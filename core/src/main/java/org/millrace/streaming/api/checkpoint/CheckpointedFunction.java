package org.millrace.streaming.api.checkpoint;

import org.millrace.runtime.state.FunctionInitializationContext;
import org.millrace.runtime.state.FunctionSnapshotContext;

/**
 * A function with state of its own beyond keyed state: it declares operator list state in
 * {@link #initializeState} (called before {@code open}, with the restored lists after a failure or
 * when starting from a savepoint) and brings those lists up to date in {@link #snapshotState} when a
 * checkpoint is taken.
 */
public interface CheckpointedFunction {

    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}
