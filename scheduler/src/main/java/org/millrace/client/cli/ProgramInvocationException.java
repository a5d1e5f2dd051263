package org.millrace.client.cli;

/**
 * A user program could not be loaded from its JAR file, or its {@code main} method failed. The
 * message says which JAR or class; the cause is the program's own exception, if any.
 */
public class ProgramInvocationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProgramInvocationException(String message) {
        super(message);
    }

    public ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
