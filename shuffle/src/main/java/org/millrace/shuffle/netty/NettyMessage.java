package org.millrace.shuffle.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * A message of the shuffle wire protocol (see {@code package-info} for the frame layout). The
 * small control messages are the records below; {@link BufferResponse} carries the data.
 */
sealed interface NettyMessage
        permits BufferResponse, NettyMessage.PartitionRequest, NettyMessage.AddCredit, NettyMessage.ErrorResponse,
                NettyMessage.CancelPartitionRequest, NettyMessage.CloseRequest {

    /** Receiver id of an {@link ErrorResponse} that concerns the whole connection. */
    long CONNECTION_WIDE = -1L;

    /** The whole frame, length field included; the caller owns (writes or releases) the result. */
    ByteBuf encode(ByteBufAllocator allocator);

    /** Client to server: start sending a subpartition to {@code receiverId}, which holds {@code initialCredit} buffers. */
    record PartitionRequest(ResultPartitionID partitionId, int subpartitionIndex, long receiverId, int initialCredit)
            implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            byte[] partition = partitionId.intermediatePartitionId().getBytes(StandardCharsets.UTF_8);
            byte[] attempt = partitionId.producerAttemptId().getBytes(StandardCharsets.UTF_8);
            int body = 8 + 4 + 4 + NettyProtocol.stringBytes(partition) + NettyProtocol.stringBytes(attempt);
            ByteBuf out = allocator.buffer(NettyProtocol.LENGTH_FIELD_BYTES + NettyProtocol.HEADER_BYTES + body);
            NettyProtocol.writeHeader(out, NettyProtocol.ID_PARTITION_REQUEST, body);
            out.writeLong(receiverId);
            out.writeInt(subpartitionIndex);
            out.writeInt(initialCredit);
            NettyProtocol.writeString(out, partition);
            NettyProtocol.writeString(out, attempt);
            return out;
        }

        static PartitionRequest decode(ByteBuf in) {
            long receiverId = in.readLong();
            int subpartition = in.readInt();
            int credit = in.readInt();
            ResultPartitionID id = new ResultPartitionID(NettyProtocol.readString(in), NettyProtocol.readString(in));
            return new PartitionRequest(id, subpartition, receiverId, credit);
        }
    }

    /** Client to server: the receiver has {@code credit} more free buffers. */
    record AddCredit(long receiverId, int credit) implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            ByteBuf out = allocator.buffer(NettyProtocol.LENGTH_FIELD_BYTES + NettyProtocol.HEADER_BYTES + 12);
            NettyProtocol.writeHeader(out, NettyProtocol.ID_ADD_CREDIT, 12);
            out.writeLong(receiverId);
            out.writeInt(credit);
            return out;
        }

        static AddCredit decode(ByteBuf in) {
            return new AddCredit(in.readLong(), in.readInt());
        }
    }

    /**
     * Server to client: reading for {@code receiverId} (or, if it is {@link #CONNECTION_WIDE}, the
     * whole connection) failed. {@code partitionNotFound} marks the retriable case of a producer
     * that has not registered its partition yet.
     */
    record ErrorResponse(long receiverId, boolean partitionNotFound, String message) implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            int body = 8 + 1 + NettyProtocol.stringBytes(text);
            ByteBuf out = allocator.buffer(NettyProtocol.LENGTH_FIELD_BYTES + NettyProtocol.HEADER_BYTES + body);
            NettyProtocol.writeHeader(out, NettyProtocol.ID_ERROR_RESPONSE, body);
            out.writeLong(receiverId);
            out.writeBoolean(partitionNotFound);
            NettyProtocol.writeString(out, text);
            return out;
        }

        static ErrorResponse decode(ByteBuf in) {
            return new ErrorResponse(in.readLong(), in.readBoolean(), NettyProtocol.readString(in));
        }

        boolean isConnectionWide() {
            return receiverId == CONNECTION_WIDE;
        }
    }

    /** Client to server: the receiver stopped reading; release its subpartition view. */
    record CancelPartitionRequest(long receiverId) implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            ByteBuf out = allocator.buffer(NettyProtocol.LENGTH_FIELD_BYTES + NettyProtocol.HEADER_BYTES + 8);
            NettyProtocol.writeHeader(out, NettyProtocol.ID_CANCEL_PARTITION_REQUEST, 8);
            out.writeLong(receiverId);
            return out;
        }

        static CancelPartitionRequest decode(ByteBuf in) {
            return new CancelPartitionRequest(in.readLong());
        }
    }

    /** Client to server: the client is closing the connection; release everything it requested. */
    record CloseRequest() implements NettyMessage {
        static final CloseRequest INSTANCE = new CloseRequest();

        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            ByteBuf out = allocator.buffer(NettyProtocol.LENGTH_FIELD_BYTES + NettyProtocol.HEADER_BYTES);
            NettyProtocol.writeHeader(out, NettyProtocol.ID_CLOSE_REQUEST, 0);
            return out;
        }
    }
}
