package org.millrace.benchmarks;

import java.util.concurrent.CompletableFuture;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.source.InputStatus;
import org.millrace.streaming.api.source.ReaderOutput;
import org.millrace.streaming.api.source.ReaderSource;
import org.millrace.streaming.api.source.SourceReader;

/**
 * The W3/W5 events {@code (key, value, timestamp)} in the strided layout of BENCHMARKS.md: subtask
 * {@code s} of {@code p} emits {@code i = s, s+p, s+2p, ...}, so all subtasks advance through event
 * time together and, with 500 ms of allowed out-of-orderness, no event is late.
 */
final class StridedEventSource implements ReaderSource<Tuple3<Long, Long, Long>> {

    private static final long serialVersionUID = 1L;
    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    private final long records;
    private final boolean dense;

    /** {@code dense} selects W5's keys and timestamps, otherwise W3's. */
    StridedEventSource(long records, boolean dense) {
        this.records = records;
        this.dense = dense;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader<Tuple3<Long, Long, Long>> createReader(int subtaskIndex, int parallelism) {
        return new SourceReader<>() {
            private long next = subtaskIndex;

            @Override
            public InputStatus pollNext(ReaderOutput<Tuple3<Long, Long, Long>> output) {
                if (next >= records) {
                    return InputStatus.END_OF_INPUT;
                }
                long i = next;
                next += parallelism;
                long key = dense ? Workloads.denseKey(i) : Workloads.sparseKey(i);
                long timestamp = dense ? Workloads.denseTimestamp(i) : Workloads.sparseTimestamp(i);
                output.collect(Tuple3.of(key, Workloads.windowValue(i), timestamp));
                return next < records ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
            }

            @Override
            public CompletableFuture<?> isAvailable() {
                return AVAILABLE;
            }
        };
    }
}
