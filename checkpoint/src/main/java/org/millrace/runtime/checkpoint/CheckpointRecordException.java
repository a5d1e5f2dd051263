package org.millrace.runtime.checkpoint;

/**
 * A completed checkpoint could not be recorded where the next JobManager looks for it (e.g.
 * ZooKeeper was unreachable): the coordinator treats the checkpoint as failed, not completed.
 */
public final class CheckpointRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckpointRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
