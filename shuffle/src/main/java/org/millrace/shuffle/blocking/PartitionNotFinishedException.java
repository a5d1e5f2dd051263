package org.millrace.shuffle.blocking;

import java.io.IOException;

/**
 * A blocking partition was opened from storage but has no valid index: its producer has not
 * finished it (yet), failed while writing it, or the index was damaged. The message names the
 * index file. A consumer may retry later if the producer may still be running.
 */
public final class PartitionNotFinishedException extends IOException {

    private static final long serialVersionUID = 1L;

    public PartitionNotFinishedException(String message) {
        super(message);
    }

    public PartitionNotFinishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
