package org.millrace.shuffle.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import org.millrace.runtime.io.network.Buffer;

/**
 * Server to client: one buffer or event of a subpartition, with the sender's backlog after it.
 *
 * <p>Two forms share this class. Sent, it holds the producer's {@link Buffer}: encoding wraps the
 * segment's bytes without copying, and the message is also the write's listener, recycling the
 * buffer once Netty is done with it (written or failed). Received, it holds a retained slice of the
 * frame that the receiver copies into one of its own buffers and then {@link #releaseData() releases}.
 */
final class BufferResponse implements NettyMessage, ChannelFutureListener {

    /** receiverId, sequenceNumber, backlog, isEvent, size. */
    static final int FIXED_BODY_BYTES = 8 + 4 + 4 + 1 + 4;

    final long receiverId;
    final int sequenceNumber;
    final int backlog;
    final boolean isEvent;
    final int size;

    /** Sending side only. */
    private final Buffer buffer;
    /** Receiving side only. */
    private final ByteBuf data;

    private BufferResponse(long receiverId, int sequenceNumber, int backlog, boolean isEvent, int size,
                           Buffer buffer, ByteBuf data) {
        this.receiverId = receiverId;
        this.sequenceNumber = sequenceNumber;
        this.backlog = backlog;
        this.isEvent = isEvent;
        this.size = size;
        this.buffer = buffer;
        this.data = data;
    }

    /** A response to send; the message owns {@code buffer} and recycles it once written. */
    static BufferResponse toSend(Buffer buffer, long receiverId, int sequenceNumber, int backlog) {
        return new BufferResponse(receiverId, sequenceNumber, backlog, buffer.isEvent(), buffer.getSize(), buffer, null);
    }

    /** A received response whose bytes are {@code data} (retained for this message). */
    static BufferResponse received(long receiverId, int sequenceNumber, int backlog, boolean isEvent, ByteBuf data) {
        return new BufferResponse(receiverId, sequenceNumber, backlog, isEvent, data.readableBytes(), null, data);
    }

    @Override
    public ByteBuf encode(ByteBufAllocator allocator) {
        ByteBuf header = allocator.directBuffer(
                NettyProtocol.LENGTH_FIELD_BYTES + NettyProtocol.HEADER_BYTES + FIXED_BODY_BYTES);
        NettyProtocol.writeHeader(header, NettyProtocol.ID_BUFFER_RESPONSE, FIXED_BODY_BYTES + size);
        header.writeLong(receiverId);
        header.writeInt(sequenceNumber);
        header.writeInt(backlog);
        header.writeBoolean(isEvent);
        header.writeInt(size);
        if (size == 0) {
            return header;
        }
        ByteBuf payload = buffer != null
                ? Unpooled.wrappedBuffer(buffer.getMemorySegment().wrap(0, size))
                : data.retainedDuplicate();
        return Unpooled.wrappedBuffer(header, payload);
    }

    /** The received bytes; readable from its reader index, {@link #size} of them. */
    ByteBuf data() {
        return data;
    }

    /** Releases the received bytes. */
    void releaseData() {
        data.release();
    }

    /** The write of a sent response finished (or failed): the producer's buffer goes back to its pool. */
    @Override
    public void operationComplete(ChannelFuture future) {
        buffer.recycle();
    }

    @Override
    public String toString() {
        return "BufferResponse{receiver=" + receiverId + ", seq=" + sequenceNumber + ", backlog=" + backlog
                + (isEvent ? ", event" : "") + ", size=" + size + "}";
    }
}
