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

    @Override
    default void close() throws Exception {}
}
