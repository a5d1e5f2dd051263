package org.millrace.shuffle.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns one frame (after the length field was stripped by the frame decoder) into a
 * {@link NettyMessage}. A wrong magic/version byte, an unknown id or a body that does not match
 * its declared sizes fails with {@link CorruptedFrameException}: the peer speaks another protocol
 * (or version), and the connection cannot be trusted any more.
 */
final class NettyMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        if (frame.readableBytes() < NettyProtocol.HEADER_BYTES) {
            throw new CorruptedFrameException("Frame of " + frame.readableBytes() + " bytes has no header");
        }
        byte magic = frame.readByte();
        if (magic != NettyProtocol.MAGIC_VERSION) {
            throw new CorruptedFrameException(String.format(
                    "Frame starts with magic/version byte 0x%02X, expected %s: the peer is not a Millrace shuffle"
                            + " endpoint of this version", magic & 0xFF, NettyProtocol.MAGIC_VERSION_HEX));
        }
        byte id = frame.readByte();
        try {
            out.add(decodeBody(id, frame));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CorruptedFrameException("Malformed body of message id " + id + ": " + e.getMessage(), e);
        }
        if (frame.isReadable()) {
            throw new CorruptedFrameException(frame.readableBytes() + " unexpected bytes after message id " + id);
        }
    }

    private static NettyMessage decodeBody(byte id, ByteBuf in) {
        switch (id) {
            case NettyProtocol.ID_PARTITION_REQUEST:
                return NettyMessage.PartitionRequest.decode(in);
            case NettyProtocol.ID_BUFFER_RESPONSE:
                return decodeBufferResponse(in);
            case NettyProtocol.ID_ADD_CREDIT:
                return NettyMessage.AddCredit.decode(in);
            case NettyProtocol.ID_ERROR_RESPONSE:
                return NettyMessage.ErrorResponse.decode(in);
            case NettyProtocol.ID_CANCEL_PARTITION_REQUEST:
                return NettyMessage.CancelPartitionRequest.decode(in);
            case NettyProtocol.ID_CLOSE_REQUEST:
                return NettyMessage.CloseRequest.INSTANCE;
            default:
                throw new CorruptedFrameException("Unknown message id " + id);
        }
    }

    private static BufferResponse decodeBufferResponse(ByteBuf in) {
        long receiverId = in.readLong();
        int sequenceNumber = in.readInt();
        int backlog = in.readInt();
        boolean isEvent = in.readBoolean();
        int size = in.readInt();
        if (size < 0 || size != in.readableBytes()) {
            throw new CorruptedFrameException("Buffer response declares " + size + " bytes but carries "
                    + in.readableBytes());
        }
        ByteBuf data = in.readRetainedSlice(size);
        return BufferResponse.received(receiverId, sequenceNumber, backlog, isEvent, data);
    }
}
