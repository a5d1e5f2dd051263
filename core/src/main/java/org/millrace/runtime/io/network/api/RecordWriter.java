package org.millrace.runtime.io.network.api;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.AbstractEvent;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.ResultPartitionWriter;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * Serializes a task's records into network buffers of one result partition. Each record is written
 * as a 4-byte length and its serialized element; a record may continue in the channel's next
 * buffer. A channel's buffer is handed to the partition when full, on {@link #flushAll()} (buffer
 * timeout) and at the end.
 *
 * <pre>
 *  record ──serialize──> scratch [len|tag|value] ──copy──> channel buffer ──full/flush──> partition
 * </pre>
 *
 * <p>Used by one task thread. Waiting for a free buffer is how backpressure reaches the producer.
 */
public final class RecordWriter<T> {

    private final ResultPartitionWriter partition;
    private final StreamPartitioner<T> partitioner;
    private final StreamElementSerializer<T> serializer;
    private final DataOutputSerializer scratch = new DataOutputSerializer(128);
    private final Buffer[] current;
    private final int[] positions;
    /** Records that start in each channel's current buffer (handed on with it, so counts need no frame walk). */
    private final int[] recordStarts;
    private final boolean flushAlways;
    private final TaskIOMetrics metrics;

    public RecordWriter(
            ResultPartitionWriter partition,
            StreamPartitioner<T> partitioner,
            StreamElementSerializer<T> serializer,
            boolean flushAlways) {
        this(partition, partitioner, serializer, flushAlways, new TaskIOMetrics());
    }

    /** @param metrics where the time spent waiting for free buffers is counted as back-pressured */
    public RecordWriter(
            ResultPartitionWriter partition,
            StreamPartitioner<T> partitioner,
            StreamElementSerializer<T> serializer,
            boolean flushAlways,
            TaskIOMetrics metrics) {
        this.metrics = metrics;
        this.partition = partition;
        this.partitioner = partitioner;
        this.serializer = serializer;
        this.flushAlways = flushAlways;
        int n = partition.getNumberOfSubpartitions();
        this.current = new Buffer[n];
        this.positions = new int[n];
        this.recordStarts = new int[n];
    }

    public ResultPartitionWriter getPartition() {
        return partition;
    }

    public void emit(StreamRecord<T> record) throws IOException, InterruptedException {
        serialize(record);
        if (partitioner.isBroadcast()) {
            for (int ch = 0; ch < current.length; ch++) {
                recordStarts[ch]++;
                copyToChannel(ch);
            }
        } else {
            int ch = partitioner.selectChannel(record);
            recordStarts[ch]++;
            copyToChannel(ch);
        }
        if (flushAlways) {
            flushAll();
        }
    }

    /**
     * Sends a watermark or watermark status to every channel, in order with the records emitted
     * before it, so each consumer channel sees it.
     */
    public void broadcastEmit(StreamElement element) throws IOException, InterruptedException {
        DataOutputSerializer out = scratch;
        out.clear();
        out.writeInt(0);
        serializer.serializeControlElement(element, out);
        finishLength(out);
        for (int ch = 0; ch < current.length; ch++) {
            copyToChannel(ch);
        }
        if (flushAlways) {
            flushAll();
        }
    }

    private void serialize(StreamRecord<T> record) throws IOException {
        DataOutputSerializer out = scratch;
        out.clear();
        out.writeInt(0);
        serializer.serializeRecord(record, out);
        finishLength(out);
    }

    private static void finishLength(DataOutputSerializer out) throws IOException {
        int len = out.length();
        out.setPosition(0);
        out.writeInt(len - 4);
        out.setPosition(len);
    }

    private void copyToChannel(int channel) throws IOException, InterruptedException {
        byte[] bytes = scratch.getSharedBuffer();
        int remaining = scratch.length();
        int offset = 0;
        Buffer buffer = current[channel];
        int position = positions[channel];
        while (remaining > 0) {
            if (buffer == null) {
                buffer = requestBuffer();
                position = 0;
            }
            MemorySegment segment = buffer.getMemorySegment();
            int n = Math.min(segment.size() - position, remaining);
            segment.put(position, bytes, offset, n);
            position += n;
            offset += n;
            remaining -= n;
            if (position == segment.size()) {
                buffer.setSize(position);
                buffer.setRecordCount(recordStarts[channel]);
                // the partition owns the buffer from here on: forget it before anything else can throw
                current[channel] = null;
                positions[channel] = 0;
                recordStarts[channel] = 0;
                partition.emitBuffer(buffer, channel);
                buffer = null;
                position = 0;
            }
        }
        current[channel] = buffer;
        positions[channel] = position;
    }

    /**
     * A free buffer, waiting on the partition's availability while there is none. Only the waits
     * are timed (as back-pressured), and at least once a second, so the metric is live.
     */
    private Buffer requestBuffer() throws IOException, InterruptedException {
        Buffer buffer;
        while ((buffer = partition.requestBuffer()) == null) {
            long start = System.nanoTime();
            try {
                partition.getAvailableFuture().get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillWaiting) {
                // account the second and look again
            } catch (ExecutionException e) {
                throw new IOException("The output partition failed while waiting for a buffer", e.getCause());
            }
            metrics.addBackPressuredNanos(System.nanoTime() - start);
        }
        return buffer;
    }

    /** Hands every partly filled buffer to the partition, so consumers see all records emitted so far. */
    public void flushAll() throws IOException {
        for (int ch = 0; ch < current.length; ch++) {
            Buffer buffer = current[ch];
            if (buffer != null) {
                buffer.setSize(positions[ch]);
                buffer.setRecordCount(recordStarts[ch]);
                current[ch] = null;
                positions[ch] = 0;
                recordStarts[ch] = 0;
                partition.emitBuffer(buffer, ch);
            }
        }
    }

    /** Flushes, then sends {@code event} to every channel. */
    public void broadcastEvent(AbstractEvent event) throws IOException {
        flushAll();
        partition.broadcastEvent(event);
    }

    /** Flushes and ends the partition: consumers see end-of-partition after the last record. */
    public void finish() throws IOException {
        flushAll();
        partition.finish();
    }

    /** Returns buffers that were never emitted (failure or cancel path). */
    public void releaseUnsentBuffers() {
        for (int ch = 0; ch < current.length; ch++) {
            if (current[ch] != null) {
                current[ch].recycle();
                current[ch] = null;
            }
            recordStarts[ch] = 0;
        }
    }
}
