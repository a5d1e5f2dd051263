package org.millrace.streaming.api.source;

import java.util.concurrent.CompletableFuture;

/**
 * Reads one subtask's share of a source, driven by the task's mailbox loop: {@link #pollNext}
 * emits a record (or a few) and must not block; when it returns NOTHING_AVAILABLE the task waits
 * for {@link #isAvailable()}. Blocking I/O belongs in a fetcher thread of the reader's own.
 */
public interface SourceReader<T> extends AutoCloseable {

    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** Completes when {@link #pollNext} may make progress again. */
    CompletableFuture<?> isAvailable();

    /**
     * The reader's position for checkpoint {@code checkpointId}: its unread splits, serialized, so
     * that {@link ReaderSource#restoreReader} can continue from exactly there after a failure. Null
     * if the source cannot rewind (it starts over, or from wherever its input now is, after a restore).
     */
    default java.util.List<byte[]> snapshotState(long checkpointId) throws Exception {
        return null;
    }

    @Override
    default void close() throws Exception {}
}
