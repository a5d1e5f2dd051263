package org.millrace.runtime.io.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.millrace.core.memory.MemorySegment;

/**
 * Turns {@link AbstractEvent}s into event {@link Buffer}s and back. Format: a 4-byte event type
 * (0 end of partition, 1 checkpoint barrier), then the event's fields (a barrier: id, timestamp,
 * length of its savepoint directory in UTF-8 or -1, the directory). Event buffers own their (small, heap) memory, so sending an event never
 * waits for the network buffer pool.
 */
public final class EventSerializer {

    private static final int END_OF_PARTITION = 0;
    private static final int CHECKPOINT_BARRIER = 1;

    private EventSerializer() {}

    public static Buffer toBuffer(AbstractEvent event) {
        ByteBuffer bytes = toByteBuffer(event);
        MemorySegment segment = MemorySegment.wrap(bytes);
        return new Buffer(segment, BufferRecycler.NONE, true, bytes.remaining());
    }

    public static ByteBuffer toByteBuffer(AbstractEvent event) {
        if (event instanceof EndOfPartitionEvent) {
            ByteBuffer b = ByteBuffer.allocate(4);
            b.putInt(0, END_OF_PARTITION);
            return b;
        }
        if (event instanceof CheckpointBarrier barrier) {
            byte[] target = barrier.getTargetLocation() == null ? new byte[0]
                    : barrier.getTargetLocation().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(24 + target.length);
            b.putInt(0, CHECKPOINT_BARRIER);
            b.putLong(4, barrier.getCheckpointId());
            b.putLong(12, barrier.getTimestamp());
            b.putInt(20, barrier.getTargetLocation() == null ? -1 : target.length);
            b.put(24, target);
            return b;
        }
        throw new IllegalArgumentException("Unknown event type " + event.getClass().getName());
    }

    public static AbstractEvent fromBuffer(Buffer buffer) throws IOException {
        if (!buffer.isEvent()) {
            throw new IllegalArgumentException("Not an event buffer: " + buffer);
        }
        return fromByteBuffer(buffer.getMemorySegment().wrap(0, buffer.getSize()));
    }

    public static AbstractEvent fromByteBuffer(ByteBuffer bytes) throws IOException {
        if (bytes.remaining() < 4) {
            throw new IOException("Truncated event: " + bytes.remaining() + " bytes");
        }
        int type = bytes.getInt(bytes.position());
        if (type == END_OF_PARTITION) {
            return EndOfPartitionEvent.INSTANCE;
        }
        if (type == CHECKPOINT_BARRIER) {
            int p = bytes.position();
            int targetLength = bytes.remaining() < 24 ? -2 : bytes.getInt(p + 20);
            if (targetLength < -1 || bytes.remaining() < 24 + Math.max(0, targetLength)) {
                throw new IOException("Truncated checkpoint barrier: " + bytes.remaining() + " bytes");
            }
            String target = null;
            if (targetLength >= 0) {
                byte[] utf8 = new byte[targetLength];
                bytes.get(p + 24, utf8);
                target = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            }
            return new CheckpointBarrier(bytes.getLong(p + 4), bytes.getLong(p + 12), target);
        }
        throw new IOException("Unknown event type id " + type);
    }
}
