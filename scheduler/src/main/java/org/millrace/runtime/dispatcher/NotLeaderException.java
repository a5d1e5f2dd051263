package org.millrace.runtime.dispatcher;

/**
 * This JobManager does not lead (high availability): it accepts no jobs, and the jobs it ran were
 * suspended for the leader to recover. The REST API answers it with 503 and the message, which names
 * the leader where known.
 */
public final class NotLeaderException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotLeaderException(String message) {
        super(message);
    }
}
