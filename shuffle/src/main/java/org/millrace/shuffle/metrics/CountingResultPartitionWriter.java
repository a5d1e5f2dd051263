package org.millrace.shuffle.metrics;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.runtime.io.network.AbstractEvent;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.ResultPartitionWriter;

/**
 * A task's result partition with its written records counted: every data buffer handed to the
 * partition is counted by its subpartition's {@link RecordFrameCounter} first, in the task's thread
 * (the record writer's own count of the buffer when it has one, else a walk over the frames).
 * Counting buffers rather than {@code emit} calls keeps the record path in {@code core} free of
 * metrics; the price is that a broadcast record counts once per subpartition it is written to.
 */
public final class CountingResultPartitionWriter implements ResultPartitionWriter {

    private final ResultPartitionWriter partition;
    private final TaskRecordCounters counters;
    private final RecordFrameCounter[] frames;

    public CountingResultPartitionWriter(ResultPartitionWriter partition, TaskRecordCounters counters) {
        this.partition = partition;
        this.counters = counters;
        this.frames = new RecordFrameCounter[partition.getNumberOfSubpartitions()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new RecordFrameCounter();
        }
    }

    /** The partition this writer counts for. */
    public ResultPartitionWriter getPartition() {
        return partition;
    }

    @Override
    public void emitBuffer(Buffer buffer, int subpartition) throws IOException {
        if (!buffer.isEvent()) {
            counters.addRecordsOut(frames[subpartition].countRecords(buffer));
        }
        partition.emitBuffer(buffer, subpartition);
    }

    @Override
    public int getNumberOfSubpartitions() {
        return partition.getNumberOfSubpartitions();
    }

    @Override
    public Buffer requestBuffer() {
        return partition.requestBuffer();
    }

    @Override
    public Buffer requestBufferBlocking() throws InterruptedException {
        return partition.requestBufferBlocking();
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return partition.getAvailableFuture();
    }

    @Override
    public void broadcastEvent(AbstractEvent event) throws IOException {
        partition.broadcastEvent(event);
    }

    @Override
    public void finish() throws IOException {
        partition.finish();
    }

    @Override
    public void fail(Throwable cause) {
        partition.fail(cause);
    }

    @Override
    public void close() {
        partition.close();
    }

    @Override
    public String toString() {
        return partition.toString();
    }
}
