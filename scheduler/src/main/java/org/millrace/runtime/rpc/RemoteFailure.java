package org.millrace.runtime.rpc;

import io.netty.buffer.ByteBuf;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The body of an error frame: the class, message and stack trace of what failed at the receiver.
 * An empty class name marks a transport-level refusal (no handler, incompatible schema), whose
 * message says it all.
 */
record RemoteFailure(String exceptionClass, String message, String stackTrace) {

    /** A refusal by the transport itself, without an exception behind it. */
    static RemoteFailure refusal(String message) {
        return new RemoteFailure("", message, "");
    }

    /** The failure of a handler, unwrapping the future wrappers around its real exception. */
    static RemoteFailure of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        String message = cause.getMessage();
        return new RemoteFailure(cause.getClass().getName(), message == null ? "" : message, trace.toString());
    }

    /** Without the stack trace and with at most 64 KiB characters of message, for a failure too large to send. */
    RemoteFailure truncated() {
        int limit = 64 * 1024;
        return new RemoteFailure(exceptionClass, message.length() <= limit ? message : message.substring(0, limit), "");
    }

    void writeTo(ByteBuf out) {
        writeString(out, exceptionClass);
        writeString(out, message);
        writeString(out, stackTrace);
    }

    /** @throws IndexOutOfBoundsException if the body is truncated */
    static RemoteFailure readFrom(ByteBuf in) {
        return new RemoteFailure(readString(in), readString(in), readString(in));
    }

    /** "class: message", or just the message for a transport refusal. */
    String describe() {
        return exceptionClass.isEmpty() ? message : exceptionClass + ": " + message;
    }

    private static void writeString(ByteBuf out, String value) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int written = out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.setInt(lengthIndex, written);
    }

    private static String readString(ByteBuf in) {
        int length = in.readInt();
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }
}
