package org.millrace.runtime.rpc;

/** What a control frame carries; the byte codes are part of the wire format and never change meaning. */
enum FrameKind {
    /** A message the receiver hands to the handler registered for its type. */
    REQUEST(0),
    /** The handler's answer, a message of the response type. */
    RESPONSE(1),
    /** The handler finished without an answer (a {@code null} response). */
    ACK(2),
    /** The request failed at the receiver; the body names the exception. */
    ERROR(3);

    private static final FrameKind[] BY_CODE = values();

    final byte code;

    FrameKind(int code) {
        this.code = (byte) code;
    }

    /** @throws IllegalArgumentException for a code this version does not know */
    static FrameKind ofCode(byte code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown control frame kind " + code);
        }
        return BY_CODE[code];
    }
}
