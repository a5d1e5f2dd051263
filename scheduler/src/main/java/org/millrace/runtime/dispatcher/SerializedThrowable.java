package org.millrace.runtime.dispatcher;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;

/**
 * A failure as it crosses process boundaries: the exception's class, message and printed stack
 * trace as text, so a client without the user's classes can still show what went wrong.
 */
public record SerializedThrowable(String className, String message, String stackTrace) implements Serializable {

    public static SerializedThrowable of(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return new SerializedThrowable(t.getClass().getName(), t.getMessage(), trace.toString());
    }

    /** An exception carrying the original message (prefixed by its class when that adds anything). */
    public Exception toException() {
        return new RemoteFailureException(this);
    }

    /** The exception {@link #toException()} returns; its stack trace is the original one, as text. */
    public static final class RemoteFailureException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SerializedThrowable original;

        RemoteFailureException(SerializedThrowable original) {
            super(original.message() != null ? original.message() : original.className());
            this.original = original;
        }

        public String getOriginalClassName() {
            return original.className();
        }

        public String getOriginalStackTrace() {
            return original.stackTrace();
        }
    }
}
