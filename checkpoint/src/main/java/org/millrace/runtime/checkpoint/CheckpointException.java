package org.millrace.runtime.checkpoint;

/** A checkpoint failed (expired, declined by a task, could not be written), or too many did in a row. */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
