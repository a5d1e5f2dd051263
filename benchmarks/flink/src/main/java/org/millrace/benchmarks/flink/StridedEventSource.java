package org.millrace.benchmarks.flink;

import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import org.millrace.benchmarks.Workloads;

/**
 * The W3/W5 events {@code (key, value, timestamp)} in the strided layout of BENCHMARKS.md: subtask
 * {@code s} of {@code p} emits {@code i = s, s+p, s+2p, ...}, so all subtasks advance through event
 * time together and no event is late. A legacy parallel source, because Flink's generator source
 * splits the index range into contiguous blocks, which would put the subtasks far apart in event time.
 */
final class StridedEventSource extends RichParallelSourceFunction<Tuple3<Long, Long, Long>> {

    private static final long serialVersionUID = 1L;

    private final long records;
    private final boolean dense;
    private volatile boolean running = true;

    /** {@code dense} selects W5's keys and timestamps, otherwise W3's. */
    StridedEventSource(long records, boolean dense) {
        this.records = records;
        this.dense = dense;
    }

    @Override
    public void run(SourceContext<Tuple3<Long, Long, Long>> context) {
        int stride = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        Object lock = context.getCheckpointLock();
        for (long i = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(); i < records && running; i += stride) {
            long key = dense ? Workloads.denseKey(i) : Workloads.sparseKey(i);
            long timestamp = dense ? Workloads.denseTimestamp(i) : Workloads.sparseTimestamp(i);
            synchronized (lock) {
                context.collect(Tuple3.of(key, Workloads.windowValue(i), timestamp));
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
