package org.millrace.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.millrace.streaming.api.source.InputStatus;
import org.millrace.streaming.api.source.ReaderOutput;
import org.millrace.streaming.api.source.ReaderSource;
import org.millrace.streaming.api.source.SourceReader;

/**
 * {@code count} records at a fixed rate, each the wall-clock time ({@link EpochMicros}) at which it
 * is emitted. Ahead of schedule the reader reports nothing available and a future that completes
 * when the next record is due, so the task's thread is free for its mails (buffer-timeout flushes)
 * in between, as with a source waiting for external data. Not parallel.
 */
final class PacedTimestampSource implements ReaderSource<Long> {

    private static final long serialVersionUID = 1L;

    private final long count;
    private final long recordsPerSecond;

    PacedTimestampSource(long count, long recordsPerSecond) {
        this.count = count;
        this.recordsPerSecond = recordsPerSecond;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public int getMaxParallelism() {
        return 1;
    }

    @Override
    public SourceReader<Long> createReader(int subtaskIndex, int parallelism) {
        return new Reader();
    }

    private final class Reader implements SourceReader<Long> {
        private long emitted;
        private long startNanos;
        private CompletableFuture<?> available = CompletableFuture.completedFuture(null);

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            long now = System.nanoTime();
            if (emitted == 0) {
                startNanos = now;
            }
            long due = startNanos + emitted * 1_000_000_000L / recordsPerSecond;
            if (now < due) {
                available = new CompletableFuture<>();
                CompletableFuture.delayedExecutor(due - now, TimeUnit.NANOSECONDS).execute(() -> available.complete(null));
                return InputStatus.NOTHING_AVAILABLE;
            }
            output.collect(EpochMicros.now());
            emitted++;
            return emitted < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }

        @Override
        public CompletableFuture<?> isAvailable() {
            return available;
        }
    }
}
