package org.millrace.streaming.api.source;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded source over the indices {@code [0, count)}, split into contiguous ranges, one per
 * subtask; each index becomes a record through {@link #recordAt(long)}. The base of
 * {@code fromSequence} and the data generator. Its readers' positions are the unread index ranges,
 * so a restored job continues exactly where its checkpoint was taken, at any parallelism.
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
        open(subtaskIndex, parallelism);
        return new RangeReader(List.of(new long[] {rangeStart(subtaskIndex, parallelism), rangeStart(subtaskIndex + 1, parallelism)}));
    }

    /** Continues the ranges of indices snapshotted readers had not read yet (16 bytes each: from, to). */
    @Override
    public SourceReader<T> restoreReader(int subtaskIndex, int parallelism, List<byte[]> splits) throws Exception {
        open(subtaskIndex, parallelism);
        List<long[]> ranges = new ArrayList<>();
        for (byte[] split : splits) {
            ByteBuffer b = ByteBuffer.wrap(split);
            ranges.add(new long[] {b.getLong(), b.getLong()});
        }
        return new RangeReader(ranges);
    }

    /** Reads index ranges in order; its position is the unread rest of them. */
    private final class RangeReader implements SourceReader<T> {
        private final ArrayDeque<long[]> ranges;
        private long next;
        private long to;

        RangeReader(List<long[]> ranges) {
            this.ranges = new ArrayDeque<>(ranges);
            advance();
        }

        private boolean advance() {
            long[] range = ranges.poll();
            if (range == null) {
                next = to = 0;
                return false;
            }
            next = range[0];
            to = range[1];
            return true;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
            while (next >= to) {
                if (!advance()) {
                    return InputStatus.END_OF_INPUT;
                }
            }
            output.collect(recordAt(next++));
            return next < to || !ranges.isEmpty() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }

        @Override
        public CompletableFuture<?> isAvailable() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public List<byte[]> snapshotState(long checkpointId) {
            List<byte[]> splits = new ArrayList<>();
            if (next < to) {
                splits.add(ByteBuffer.allocate(16).putLong(next).putLong(to).array());
            }
            for (long[] range : ranges) {
                splits.add(ByteBuffer.allocate(16).putLong(range[0]).putLong(range[1]).array());
            }
            return splits;
        }
    }

    private long rangeStart(int subtask, int parallelism) {
        // count * subtask / parallelism without overflow for large counts
        return (long) (count / parallelism) * subtask + Math.min(subtask, count % parallelism);
    }
}
