package org.millrace.runtime.io.network;

import org.millrace.core.memory.MemorySegment;

/**
 * A memory segment plus the number of valid bytes in it, travelling from a producer's result
 * partition to a consumer's input gate. Ownership moves with the buffer: whoever holds it last
 * calls {@link #recycle()} exactly once, which returns the segment to its pool and lets a
 * back-pressured producer continue.
 *
 * <p>A data buffer holds a stream of length-prefixed serialized stream elements (records may span
 * buffers); an event buffer holds one serialized {@link AbstractEvent}.
 */
public final class Buffer {

    private final MemorySegment segment;
    private final BufferRecycler recycler;
    private final boolean isEvent;
    private int size;
    private int recordCount = -1;
    private boolean recycled;

    public Buffer(MemorySegment segment, BufferRecycler recycler) {
        this(segment, recycler, false, 0);
    }

    public Buffer(MemorySegment segment, BufferRecycler recycler, boolean isEvent, int size) {
        this.segment = segment;
        this.recycler = recycler;
        this.isEvent = isEvent;
        this.size = size;
    }

    public MemorySegment getMemorySegment() {
        return segment;
    }

    /** Number of valid bytes, starting at offset 0. */
    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        if (size < 0 || size > segment.size()) {
            throw new IllegalArgumentException("Buffer size " + size + " outside [0, " + segment.size() + "]");
        }
        this.size = size;
    }

    /**
     * How many records start in this data buffer, as its writer counted them, or -1 if unknown
     * (a buffer read back from a file or the network). Metrics use it to skip walking the frames.
     */
    public int getRecordCount() {
        return recordCount;
    }

    /** Set by the writer that filled this buffer: the records (not control elements) starting in it. */
    public void setRecordCount(int recordCount) {
        this.recordCount = recordCount;
    }

    public int getCapacity() {
        return segment.size();
    }

    public boolean isEvent() {
        return isEvent;
    }

    public boolean isRecycled() {
        return recycled;
    }

    /** Returns the segment to its owner. Calling it twice is a bug and throws. */
    public void recycle() {
        if (recycled) {
            throw new IllegalStateException("Buffer recycled twice");
        }
        recycled = true;
        recycler.recycle(segment);
    }

    @Override
    public String toString() {
        return (isEvent ? "EventBuffer" : "Buffer") + "{size=" + size + ", capacity=" + segment.size() + "}";
    }
}
