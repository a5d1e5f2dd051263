package org.millrace.client.program.rest;

/**
 * A request to the JobManager's REST endpoint failed: the cluster could not be reached, did not
 * answer in time, or answered with an error status. The message is meant for the user as it is
 * (for an error answer it is the server's own {@code errors} text).
 */
public class RestClientException extends Exception {

    private static final long serialVersionUID = 1L;

    /** {@link #getHttpStatus()} when no HTTP answer was received. */
    public static final int NO_RESPONSE = -1;

    private final int httpStatus;

    public RestClientException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the error answer (e.g. 404), or {@link #NO_RESPONSE}. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** Whether the failure was that nothing accepted the connection (nothing listens at the address). */
    public boolean isConnectionRefused() {
        return getCause() instanceof java.net.ConnectException;
    }
}
