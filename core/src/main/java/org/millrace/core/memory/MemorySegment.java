package org.millrace.core.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A fixed-size block of memory (normally off-heap) that network buffers, spill files and sort
 * buffers are made of. Access is by absolute, big-endian offsets, so one segment can be read and
 * written without the position/limit bookkeeping of a {@link ByteBuffer}.
 *
 * <p>Segments are owned by pools (see the shuffle module's buffer pools); a segment is never
 * shared by two writers at the same time, so it has no synchronisation of its own.
 */
public final class MemorySegment {

    private final ByteBuffer buffer;
    private final int size;

    private MemorySegment(ByteBuffer buffer) {
        this.buffer = buffer.order(ByteOrder.BIG_ENDIAN);
        this.size = buffer.capacity();
    }

    /** Allocates an off-heap segment of {@code size} bytes. */
    public static MemorySegment allocateOffHeap(int size) {
        return new MemorySegment(ByteBuffer.allocateDirect(size));
    }

    /** Allocates an on-heap segment of {@code size} bytes (used by tests and small control data). */
    public static MemorySegment allocateHeap(int size) {
        return new MemorySegment(ByteBuffer.allocate(size));
    }

    /** Wraps the given buffer's whole capacity. */
    public static MemorySegment wrap(ByteBuffer buffer) {
        return new MemorySegment(buffer.duplicate().clear());
    }

    public int size() {
        return size;
    }

    public byte get(int index) {
        return buffer.get(index);
    }

    public void put(int index, byte b) {
        buffer.put(index, b);
    }

    public int getInt(int index) {
        return buffer.getInt(index);
    }

    public void putInt(int index, int value) {
        buffer.putInt(index, value);
    }

    public long getLong(int index) {
        return buffer.getLong(index);
    }

    public void putLong(int index, long value) {
        buffer.putLong(index, value);
    }

    /** Copies {@code length} bytes starting at {@code offset} of this segment into {@code dst}. */
    public void get(int offset, byte[] dst, int dstOffset, int length) {
        buffer.get(offset, dst, dstOffset, length);
    }

    /** Copies {@code length} bytes of {@code src} into this segment starting at {@code offset}. */
    public void put(int offset, byte[] src, int srcOffset, int length) {
        buffer.put(offset, src, srcOffset, length);
    }

    /** Copies {@code length} bytes from this segment to {@code target}. */
    public void copyTo(int offset, MemorySegment target, int targetOffset, int length) {
        target.buffer.put(targetOffset, buffer, offset, length);
    }

    /**
     * A view of {@code [offset, offset + length)} as a {@link ByteBuffer} positioned at 0, for I/O
     * (file channels, Netty). Writes through the view change the segment.
     */
    public ByteBuffer wrap(int offset, int length) {
        return buffer.slice(offset, length).order(ByteOrder.BIG_ENDIAN);
    }

    public boolean isOffHeap() {
        return buffer.isDirect();
    }
}
