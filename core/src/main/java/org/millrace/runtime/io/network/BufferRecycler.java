package org.millrace.runtime.io.network;

import org.millrace.core.memory.MemorySegment;

/** Takes a memory segment back when the buffer around it has been consumed (normally a buffer pool). */
@FunctionalInterface
public interface BufferRecycler {

    void recycle(MemorySegment segment);

    /** For buffers that own their memory (events): recycling does nothing. */
    BufferRecycler NONE = segment -> {};
}
