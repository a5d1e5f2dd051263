package org.millrace.runtime.executiongraph.failover;

/**
 * Marks a failure that no restart can fix, so the job fails (or ends) at once whatever the restart
 * strategy allows: the user cancelled the job, or its graph or user classes cannot be loaded.
 * Recognised anywhere in a failure's cause chain by {@link ExecutionFailureHandler}.
 */
public class SuppressRestartsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SuppressRestartsException(String message, Throwable cause) {
        super(message, cause);
    }

    public SuppressRestartsException(Throwable cause) {
        super("Restarts are suppressed: " + cause, cause);
    }
}
