package org.millrace.runtime.rpc;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A received frame: its header, and the buffer positioned at the body. Whoever holds it must
 * {@link #release()} it exactly once.
 *
 * <p>A frame of another protocol version carries only the fields whose position every version
 * shares (version, kind code, correlation id); its type name is empty and its kind {@code null}
 * when the code is unknown here.
 */
final class InboundFrame {

    private final byte version;
    private final FrameKind kind;
    private final long correlationId;
    private final String typeName;
    private final long fingerprint;
    private final ByteBuf buffer;

    private InboundFrame(byte version, FrameKind kind, long correlationId, String typeName, long fingerprint,
            ByteBuf buffer) {
        this.version = version;
        this.kind = kind;
        this.correlationId = correlationId;
        this.typeName = typeName;
        this.fingerprint = fingerprint;
        this.buffer = buffer;
    }

    /**
     * Reads the header of a frame (length prefix already removed), taking ownership of the buffer.
     *
     * @throws IllegalArgumentException if the frame is truncated or malformed (the buffer is released)
     */
    static InboundFrame parse(ByteBuf frame) {
        try {
            byte version = frame.readByte();
            byte kindCode = frame.readByte();
            long correlationId = frame.readLong();
            if (version != RpcFrames.PROTOCOL_VERSION) {
                FrameKind kind = kindCode >= 0 && kindCode <= FrameKind.ERROR.code ? FrameKind.ofCode(kindCode) : null;
                return new InboundFrame(version, kind, correlationId, "", 0L, frame);
            }
            FrameKind kind = FrameKind.ofCode(kindCode);
            int nameLength = frame.readUnsignedShort();
            String typeName = frame.readCharSequence(nameLength, StandardCharsets.UTF_8).toString();
            long fingerprint = frame.readLong();
            return new InboundFrame(version, kind, correlationId, typeName, fingerprint, frame);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            frame.release();
            throw new IllegalArgumentException("malformed control frame: " + e.getMessage(), e);
        }
    }

    boolean isCurrentVersion() {
        return version == RpcFrames.PROTOCOL_VERSION;
    }

    byte version() {
        return version;
    }

    FrameKind kind() {
        return kind;
    }

    long correlationId() {
        return correlationId;
    }

    String typeName() {
        return typeName;
    }

    long fingerprint() {
        return fingerprint;
    }

    /** The body: the readable bytes after the header. */
    ByteBuf body() {
        return buffer;
    }

    void release() {
        buffer.release();
    }

    /** What either side reports when the peer speaks another frame layout. */
    String versionMismatchMessage() {
        return "the peer speaks control protocol version " + version + ", this process speaks "
                + RpcFrames.PROTOCOL_VERSION + " — are JobManager and TaskManager the same Millrace version?";
    }
}
