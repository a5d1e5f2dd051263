package org.millrace.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.IndexedRecord;

/**
 * Encodes control frames (layout in {@code package-info.java}) and installs the frame decoder.
 * Frames are encoded on the sending thread, never on an event loop, so a large message (a task
 * deployment descriptor) costs the sender's time, not the I/O thread's.
 */
final class RpcFrames {

    /** Version of the frame layout after the first 14 bytes; the first 14 bytes never change. */
    static final byte PROTOCOL_VERSION = 1;

    /** Largest frame (everything after the length field) a peer sends or accepts. */
    static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    static final int MAX_TYPE_NAME_BYTES = Short.MAX_VALUE;

    private static final int LENGTH_BYTES = 4;
    private static final int INITIAL_CAPACITY = 256;

    private RpcFrames() {}

    /** Adds the length-prefix frame decoder that hands whole frames (without the length) to the next handler. */
    static void installFrameDecoder(ChannelPipeline pipeline) {
        pipeline.addLast("frames", new LengthFieldBasedFrameDecoder(
                MAX_FRAME_BYTES, 0, LENGTH_BYTES, 0, LENGTH_BYTES));
    }

    /**
     * A request or response frame carrying {@code message}.
     *
     * @throws FrameTooLargeException if the frame exceeds {@code maxFrameBytes}
     * @throws Exception if Avro cannot encode the record (e.g. a required field is null)
     */
    static ByteBuf message(FrameKind kind, long correlationId, IndexedRecord message, int maxFrameBytes)
            throws Exception {
        MessageType type = MessageType.forSchema(message.getSchema());
        ByteBuf frame = header(kind, correlationId, type.fullNameUtf8(), type.fingerprint());
        try {
            type.write(message, frame);
            finish(frame, type.simpleName(), maxFrameBytes);
            return frame;
        } catch (Throwable t) {
            frame.release();
            throw t;
        }
    }

    /** The acknowledgement of a request whose handler answered nothing. */
    static ByteBuf ack(long correlationId) {
        ByteBuf frame = header(FrameKind.ACK, correlationId, new byte[0], 0L);
        frame.setInt(0, frame.readableBytes() - LENGTH_BYTES);
        return frame;
    }

    /** The failure of the request {@code correlationId} of type {@code requestType} (may be empty). */
    static ByteBuf error(long correlationId, String requestType, RemoteFailure failure) {
        ByteBuf frame = header(FrameKind.ERROR, correlationId, requestType.getBytes(StandardCharsets.UTF_8), 0L);
        failure.writeTo(frame);
        int length = frame.readableBytes() - LENGTH_BYTES;
        if (length > MAX_FRAME_BYTES) {
            // only a pathological message or stack trace gets here
            frame.release();
            return error(correlationId, requestType, failure.truncated());
        }
        frame.setInt(0, length);
        return frame;
    }

    private static ByteBuf header(FrameKind kind, long correlationId, byte[] typeName, long fingerprint) {
        ByteBuf frame = ByteBufAllocator.DEFAULT.buffer(INITIAL_CAPACITY);
        frame.writeInt(0); // length, set when the frame is complete
        frame.writeByte(PROTOCOL_VERSION);
        frame.writeByte(kind.code);
        frame.writeLong(correlationId);
        frame.writeShort(typeName.length);
        frame.writeBytes(typeName);
        frame.writeLong(fingerprint);
        return frame;
    }

    private static void finish(ByteBuf frame, String typeName, int maxFrameBytes) throws FrameTooLargeException {
        int length = frame.readableBytes() - LENGTH_BYTES;
        if (length > maxFrameBytes || length < 0) {
            throw new FrameTooLargeException("control message " + typeName + " is " + length
                    + " bytes, more than the " + (maxFrameBytes >> 20) + " MiB a control frame may carry");
        }
        frame.setInt(0, length);
    }

    /** A message too large for one control frame. */
    static final class FrameTooLargeException extends Exception {
        FrameTooLargeException(String message) {
            super(message);
        }
    }
}
