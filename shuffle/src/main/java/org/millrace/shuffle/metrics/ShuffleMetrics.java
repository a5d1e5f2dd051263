package org.millrace.shuffle.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.shuffle.buffer.NetworkBufferPool;

/**
 * What a TaskExecutor's shuffle reports about itself: how much of its network memory is in use
 * (Flink's {@code Status.Shuffle.Netty.*} figures) and the record counters of the tasks running on
 * it, keyed by a name the scheduler chooses (its execution attempt id). Thread-safe.
 */
public final class ShuffleMetrics {

    private final NetworkBufferPool pool;
    private final Map<String, TaskRecordCounters> tasks = new ConcurrentHashMap<>();

    public ShuffleMetrics(NetworkBufferPool pool) {
        this.pool = pool;
    }

    /** Counters for a task starting now; {@link #unregisterTask} drops them when it ended. */
    public TaskRecordCounters registerTask(String taskKey) {
        TaskRecordCounters counters = new TaskRecordCounters();
        tasks.put(taskKey, counters);
        return counters;
    }

    public void unregisterTask(String taskKey) {
        tasks.remove(taskKey);
    }

    /** The counters of the tasks registered now (a copy). */
    public Map<String, TaskRecordCounters> tasks() {
        return Map.copyOf(tasks);
    }

    /** The network buffer pool's usage at this moment. */
    public NetworkMemory networkMemory() {
        return new NetworkMemory(pool.getTotalNumberOfSegments(), pool.getNumberOfSegmentsInUse(),
                pool.getMaxSegmentsEverInUse(), pool.getSegmentSize());
    }

    /**
     * Usage of a TaskExecutor's network buffer pool.
     *
     * @param segmentsUsed segments held by partitions and gates (free in their pools or in buffers)
     * @param segmentsMaxUsed the most ever used at once since the TaskExecutor started
     */
    public record NetworkMemory(int segmentsTotal, int segmentsUsed, int segmentsMaxUsed, int segmentSize) {

        public long bytesTotal() {
            return (long) segmentsTotal * segmentSize;
        }

        public long bytesUsed() {
            return (long) segmentsUsed * segmentSize;
        }

        public int segmentsAvailable() {
            return segmentsTotal - segmentsUsed;
        }
    }
}
