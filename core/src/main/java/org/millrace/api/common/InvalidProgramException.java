package org.millrace.api.common;

/** The job as written cannot run (bad field, missing type, unserializable function); says what and where. */
public class InvalidProgramException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidProgramException(String message) {
        super(message);
    }

    public InvalidProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
