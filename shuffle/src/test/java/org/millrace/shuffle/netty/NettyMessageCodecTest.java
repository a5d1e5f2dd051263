package org.millrace.shuffle.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.shuffle.partition.ResultPartitionID;

/** Framing and message codec, without sockets. */
class NettyMessageCodecTest {

    private final EmbeddedChannel encoder = new EmbeddedChannel(new NettyMessageEncoder());
    private final EmbeddedChannel decoder = new EmbeddedChannel();

    NettyMessageCodecTest() {
        NettyProtocol.installCodec(decoder.pipeline());
    }

    @AfterEach
    void closeChannels() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }

    private ByteBuf encode(NettyMessage message) {
        assertTrue(encoder.writeOutbound(message));
        return encoder.readOutbound();
    }

    private NettyMessage roundTrip(NettyMessage message) {
        decoder.writeInbound(encode(message));
        NettyMessage decoded = decoder.readInbound();
        assertNull(decoder.readInbound(), "exactly one message per frame");
        return decoded;
    }

    @Test
    void controlMessagesRoundTripWithEveryField() {
        ResultPartitionID id = new ResultPartitionID("map#3 ü", "attempt-7");
        assertEquals(new NettyMessage.PartitionRequest(id, 5, 42L, 2),
                roundTrip(new NettyMessage.PartitionRequest(id, 5, 42L, 2)));
        assertEquals(new NettyMessage.AddCredit(42L, 7), roundTrip(new NettyMessage.AddCredit(42L, 7)));
        assertEquals(new NettyMessage.ErrorResponse(9L, true, "Result partition x is not registered"),
                roundTrip(new NettyMessage.ErrorResponse(9L, true, "Result partition x is not registered")));
        NettyMessage.ErrorResponse connectionWide = (NettyMessage.ErrorResponse)
                roundTrip(new NettyMessage.ErrorResponse(NettyMessage.CONNECTION_WIDE, false, "shutting down"));
        assertTrue(connectionWide.isConnectionWide());
        assertEquals(new NettyMessage.CancelPartitionRequest(3L), roundTrip(new NettyMessage.CancelPartitionRequest(3L)));
        assertEquals(NettyMessage.CloseRequest.INSTANCE, roundTrip(NettyMessage.CloseRequest.INSTANCE));
    }

    @Test
    void bufferResponseRoundTripsItsBytesAndRecyclesTheSentBufferOnceWritten() {
        MemorySegment segment = MemorySegment.allocateOffHeap(64);
        byte[] payload = "sequence 0001 0002 0003".getBytes(StandardCharsets.US_ASCII);
        segment.put(0, payload, 0, payload.length);
        boolean[] recycled = new boolean[1];
        Buffer buffer = new Buffer(segment, s -> recycled[0] = true, false, payload.length);

        BufferResponse sent = BufferResponse.toSend(buffer, 11L, 4, 17);
        encoder.writeAndFlush(sent).addListener(sent);
        assertTrue(recycled[0], "recycled when the write completed");
        decoder.writeInbound((ByteBuf) encoder.readOutbound());

        BufferResponse received = assertInstanceOf(BufferResponse.class, decoder.readInbound());
        try {
            assertEquals(11L, received.receiverId);
            assertEquals(4, received.sequenceNumber);
            assertEquals(17, received.backlog);
            assertFalse(received.isEvent);
            assertEquals(payload.length, received.size);
            byte[] bytes = new byte[received.size];
            received.data().getBytes(received.data().readerIndex(), bytes);
            assertArrayEquals(payload, bytes);
        } finally {
            received.releaseData();
        }
    }

    @Test
    void emptyEventResponseRoundTrips() {
        Buffer event = new Buffer(MemorySegment.allocateHeap(4), s -> {}, true, 0);
        BufferResponse received = (BufferResponse) roundTrip(BufferResponse.toSend(event, 1L, 0, 0));
        assertTrue(received.isEvent);
        assertEquals(0, received.size);
        received.releaseData();
    }

    @Test
    void frameSplitIntoSingleBytesDecodesOnceComplete() {
        ByteBuf frame = encode(new NettyMessage.AddCredit(5L, 3));
        int length = frame.readableBytes();
        for (int i = 0; i < length - 1; i++) {
            assertFalse(decoder.writeInbound(frame.readRetainedSlice(1)), "nothing decoded before byte " + (i + 1));
        }
        assertTrue(decoder.writeInbound(frame.readRetainedSlice(1)));
        frame.release();
        assertEquals(new NettyMessage.AddCredit(5L, 3), decoder.readInbound());
    }

    @Test
    void twoFramesInOneReadDecodeAsTwoMessagesInOrder() {
        ByteBuf both = Unpooled.wrappedBuffer(
                encode(new NettyMessage.AddCredit(1L, 1)), encode(new NettyMessage.CancelPartitionRequest(2L)));
        decoder.writeInbound(both);
        assertEquals(new NettyMessage.AddCredit(1L, 1), decoder.readInbound());
        assertEquals(new NettyMessage.CancelPartitionRequest(2L), decoder.readInbound());
    }

    @Test
    void frameWithWrongMagicIsRejected() {
        ByteBuf frame = encode(new NettyMessage.AddCredit(1L, 1));
        frame.setByte(NettyProtocol.LENGTH_FIELD_BYTES, 0x47); // 'G', as in an HTTP "GET"
        CorruptedFrameException e = assertThrows(CorruptedFrameException.class, () -> decoder.writeInbound(frame));
        assertTrue(e.getMessage().contains("magic/version byte 0x47, expected 0xD1"), e.getMessage());
    }

    @Test
    void frameWithUnknownMessageIdIsRejected() {
        ByteBuf frame = encode(new NettyMessage.AddCredit(1L, 1));
        frame.setByte(NettyProtocol.LENGTH_FIELD_BYTES + 1, 99);
        CorruptedFrameException e = assertThrows(CorruptedFrameException.class, () -> decoder.writeInbound(frame));
        assertTrue(e.getMessage().contains("Unknown message id 99"), e.getMessage());
    }

    @Test
    void bufferResponseWhoseSizeDisagreesWithItsFrameIsRejected() {
        Buffer buffer = new Buffer(MemorySegment.allocateHeap(8), s -> {}, false, 8);
        ByteBuf frame = encode(BufferResponse.toSend(buffer, 1L, 0, 0));
        int sizeField = NettyProtocol.LENGTH_FIELD_BYTES + NettyProtocol.HEADER_BYTES + 8 + 4 + 4 + 1;
        frame.setInt(sizeField, 9);
        assertThrows(CorruptedFrameException.class, () -> decoder.writeInbound(frame));
    }
}
