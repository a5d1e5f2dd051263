package org.millrace.api.common.state;

/**
 * Implemented by a function that must act when a checkpoint it took part in becomes durable for the
 * whole job (commit a transaction, publish a file), or is given up. The notification may come
 * late or, after a failure, not at all for a checkpoint: the next completed one covers it.
 */
public interface CheckpointListener {

    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
