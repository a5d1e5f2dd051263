package org.millrace.streaming.api.operators;

import org.millrace.runtime.state.OperatorStateStore;

/**
 * An operator in a task's chain. Life cycle, all in the task thread: constructed by its
 * {@link StreamOperatorFactory} with everything it needs, {@link #open()} (after the operators
 * downstream of it in the chain are open), input calls, {@link #finish()} once all input has ended
 * (emit what is buffered; downstream is still open), {@link #close()} (release resources; also
 * called after failures, so it must tolerate a partly opened operator).
 *
 * <p>With checkpointing, {@link #initializeState} comes before {@link #open()}, and between records
 * the task may call {@link #prepareSnapshotPreBarrier}, {@link #snapshotState} (both before the
 * barrier of that checkpoint goes downstream, so nothing the operator emits later is in it) and,
 * once the whole job's checkpoint is durable, {@link #notifyCheckpointComplete}. Keyed state is
 * snapshotted by the task through the operator's keyed state backend; these hooks are for
 * everything else.
 */
public interface StreamOperator<OUT> {

    /**
     * Receives the operator's non-keyed state from the checkpoint the job restores from (already
     * divided among the instances), or an empty store on a fresh start.
     */
    default void initializeState(OperatorStateStore restored) throws Exception {}

    /** Emits what must precede the barrier of {@code checkpointId} (e.g. buffered records). */
    default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

    /** Writes the operator's non-keyed state for {@code checkpointId} into {@code state}. */
    default void snapshotState(long checkpointId, OperatorStateStore state) throws Exception {}

    /** Checkpoint {@code checkpointId} is complete for the whole job: side effects may be committed. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** Checkpoint {@code checkpointId} was aborted; what was prepared for it will come with a later one. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}

    default void open() throws Exception {}

    default void finish() throws Exception {}

    default void close() throws Exception {}
}
