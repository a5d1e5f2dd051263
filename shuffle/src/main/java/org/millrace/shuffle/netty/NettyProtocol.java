package org.millrace.shuffle.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Constants and field helpers of the wire protocol described in {@code package-info}, shared by the
 * encoder, the decoder and both ends' pipelines so the format is defined in one place.
 */
final class NettyProtocol {

    /** First byte of every frame body: high nibble the magic 0xD, low nibble the protocol version 1. */
    static final byte MAGIC_VERSION = (byte) 0xD1;
    static final String MAGIC_VERSION_HEX = "0xD1";

    static final int LENGTH_FIELD_BYTES = 4;
    /** Magic/version byte plus message id. */
    static final int HEADER_BYTES = 2;
    /** Largest frame accepted; buffers are at most a segment (32 KiB by default), so this only stops garbage. */
    static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    static final byte ID_PARTITION_REQUEST = 0;
    static final byte ID_BUFFER_RESPONSE = 1;
    static final byte ID_ADD_CREDIT = 2;
    static final byte ID_ERROR_RESPONSE = 3;
    static final byte ID_CANCEL_PARTITION_REQUEST = 4;
    static final byte ID_CLOSE_REQUEST = 5;

    private NettyProtocol() {}

    /** Framing and message codec, in pipeline order; the caller adds its own handler after them. */
    static void installCodec(ChannelPipeline pipeline) {
        pipeline.addLast("frameDecoder", new LengthFieldBasedFrameDecoder(
                MAX_FRAME_BYTES, 0, LENGTH_FIELD_BYTES, 0, LENGTH_FIELD_BYTES));
        pipeline.addLast("messageDecoder", new NettyMessageDecoder());
        pipeline.addLast("messageEncoder", new NettyMessageEncoder());
    }

    /** Writes the length field, magic/version and message id of a frame whose body has {@code bodyBytes}. */
    static void writeHeader(ByteBuf out, byte messageId, int bodyBytes) {
        out.writeInt(HEADER_BYTES + bodyBytes);
        out.writeByte(MAGIC_VERSION);
        out.writeByte(messageId);
    }

    static int stringBytes(byte[] utf8) {
        return 4 + utf8.length;
    }

    static void writeString(ByteBuf out, byte[] utf8) {
        out.writeInt(utf8.length);
        out.writeBytes(utf8);
    }

    static String readString(ByteBuf in) {
        int length = in.readInt();
        if (length < 0 || length > in.readableBytes()) {
            throw new IllegalArgumentException("String length " + length + " exceeds the " + in.readableBytes()
                    + " bytes left in the frame");
        }
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }
}
