package org.millrace.benchmarks.jmh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.AbstractEvent;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferRecycler;
import org.millrace.runtime.io.network.ResultPartitionWriter;

/**
 * A one-subpartition {@link ResultPartitionWriter} that keeps the buffers a
 * {@link org.millrace.runtime.io.network.api.RecordWriter} emits, so a benchmark can time the
 * writer's serialization into network buffers without a partition, a consumer or thread hand-over
 * around it. {@link #recycleAll()} returns the kept buffers' segments for reuse, so after the first
 * batch no memory is allocated but the small {@link Buffer} wrappers. Off-heap segments of the
 * engine's default size, like the network buffer pool's. Single-threaded.
 */
final class CapturingPartitionWriter implements ResultPartitionWriter {

    /** {@code taskmanager.memory.segment-size} default. */
    static final int SEGMENT_SIZE = 32 * 1024;

    private final ArrayDeque<MemorySegment> free = new ArrayDeque<>();
    private final BufferRecycler recycler = free::add;
    private final List<Buffer> emitted = new ArrayList<>();

    @Override
    public int getNumberOfSubpartitions() {
        return 1;
    }

    @Override
    public Buffer requestBuffer() {
        MemorySegment segment = free.poll();
        return new Buffer(segment != null ? segment : MemorySegment.allocateOffHeap(SEGMENT_SIZE), recycler);
    }

    @Override
    public Buffer requestBufferBlocking() {
        return requestBuffer();
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return AVAILABLE;
    }

    @Override
    public void emitBuffer(Buffer buffer, int subpartition) {
        emitted.add(buffer);
    }

    /** The buffers emitted since the last {@link #recycleAll()}, in order; still owned by this writer. */
    List<Buffer> emitted() {
        return emitted;
    }

    /** The buffers emitted since the last recycle, handed to the caller, who now owns them. */
    List<Buffer> takeEmitted() {
        List<Buffer> taken = List.copyOf(emitted);
        emitted.clear();
        return taken;
    }

    /** Recycles every kept buffer, making its segment available to the next request. */
    void recycleAll() {
        for (Buffer buffer : emitted) {
            buffer.recycle();
        }
        emitted.clear();
    }

    @Override
    public void broadcastEvent(AbstractEvent event) {
        throw new UnsupportedOperationException("the serialization benchmark sends no events");
    }

    @Override
    public void finish() {}

    @Override
    public void fail(Throwable cause) {}

    @Override
    public void close() {
        recycleAll();
    }
}
