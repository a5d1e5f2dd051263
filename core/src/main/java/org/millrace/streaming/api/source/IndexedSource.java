package org.millrace.streaming.api.source;

import java.util.concurrent.CompletableFuture;

/**
 * A bounded source over the indices {@code [0, count)}, split into contiguous ranges, one per
 * subtask; each index becomes a record through {@link #recordAt(long)}. The base of
 * {@code fromSequence} and the data generator.
 */
public abstract class IndexedSource<T> implements ReaderSource<T> {

    private static final long serialVersionUID = 1L;

    private final long count;

    protected IndexedSource(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        this.count = count;
    }

    /** The record for index {@code i}; called from the reading subtask's thread. */
    protected abstract T recordAt(long index) throws Exception;

    /** Called once in each subtask before the first {@link #recordAt}. */
    protected void open(int subtaskIndex, int parallelism) throws Exception {}

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader<T> createReader(int subtaskIndex, int parallelism) throws Exception {
        IndexedSource<T> self = this;
        self.open(subtaskIndex, parallelism);
        long from = rangeStart(subtaskIndex, parallelism);
        long to = rangeStart(subtaskIndex + 1, parallelism);
        return new SourceReader<>() {
            private long next = from;

            @Override
            public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
                if (next >= to) {
                    return InputStatus.END_OF_INPUT;
                }
                output.collect(self.recordAt(next++));
                return next < to ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
            }

            @Override
            public CompletableFuture<?> isAvailable() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    private long rangeStart(int subtask, int parallelism) {
        // count * subtask / parallelism without overflow for large counts
        return (long) (count / parallelism) * subtask + Math.min(subtask, count % parallelism);
    }
}
