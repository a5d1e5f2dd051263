package org.millrace.benchmarks.jmh;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.api.RecordDeserializer;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.streaming.runtime.partitioner.ForwardPartitioner;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * One forward exchange inside a TaskExecutor, wired as the scheduler wires it: a
 * {@link RecordWriter} into a {@link PipelinedResultPartition} of a {@link ShuffleEnvironment} with
 * the default buffer budget, read through a {@link SingleInputGate} whose local channel receives the
 * producer's buffers without a copy, and a {@link RecordDeserializer}. The producer side
 * ({@link #emit}, {@link #flush}, {@link #finish}) and the consumer side ({@link #pollAvailable},
 * {@link #awaitData}) may run in one thread or in two, one per side.
 */
final class LocalExchange implements AutoCloseable {

    /** Receives each value the consumer side reads. */
    @FunctionalInterface
    interface ValueSink {
        void accept(Object value);
    }

    /** Network buffers of the environment: ample for one partition's budget (2 + 8 buffers). */
    private static final int NETWORK_BUFFERS = 64;
    private static final ResultPartitionID PARTITION = new ResultPartitionID("producer#0", "attempt-0");

    private final ShuffleEnvironment environment;
    private final PipelinedResultPartition partition;
    private final SingleInputGate gate;
    private final RecordWriter<Object> writer;
    private final StreamRecord<Object> record = new StreamRecord<>(null);
    private final RecordDeserializer<Object> deserializer;
    private final StreamRecord<Object> reuse = new StreamRecord<>(null);

    LocalExchange(RecordType type) throws IOException {
        environment = new ShuffleEnvironment(NETWORK_BUFFERS, CapturingPartitionWriter.SEGMENT_SIZE,
                ShuffleEnvironment.DEFAULT_BUFFERS_PER_CHANNEL, ShuffleEnvironment.DEFAULT_FLOATING_BUFFERS_PER_GATE);
        try {
            partition = environment.createResultPartition(PARTITION, 1, "Producer (1/1)");
            gate = environment.createInputGate("Consumer (1/1)", 0, List.of(PARTITION), 0);
        } catch (IOException | RuntimeException e) {
            environment.close();
            throw e;
        }
        ForwardPartitioner<Object> forward = new ForwardPartitioner<>();
        forward.setup(1, 0);
        writer = new RecordWriter<>(partition, forward, SerializationBenchmark.elementSerializer(type), false);
        deserializer = new RecordDeserializer<>(SerializationBenchmark.elementSerializer(type));
    }

    /** Producer side: serializes one record; waits for a free buffer while the consumer is behind. */
    void emit(Object value) throws IOException, InterruptedException {
        writer.emit(record.replace(value));
    }

    /** Producer side: hands the partly filled buffer over, as the buffer timeout does. */
    void flush() throws IOException {
        writer.flushAll();
    }

    /** Producer side: flushes and sends end-of-partition. */
    void finish() throws IOException {
        writer.finish();
    }

    /**
     * Consumer side: reads every record that has arrived into {@code sink}, without waiting.
     *
     * @return the number of records read
     */
    long pollAvailable(ValueSink sink) throws IOException {
        long records = 0;
        BufferOrEvent next;
        while ((next = gate.pollNext()) != null) {
            if (next.isBuffer()) {
                deserializer.addBuffer(next.getBuffer());
                StreamRecord<Object> element;
                while ((element = deserializer.next(reuse)) != null) {
                    sink.accept(element.getValue());
                    records++;
                }
            }
        }
        return records;
    }

    /** Consumer side: waits until the gate has data or has finished. */
    void awaitData() throws InterruptedException, ExecutionException {
        gate.getAvailableFuture().get();
    }

    /** True once end-of-partition was read and no data remains. */
    boolean isFinished() {
        return gate.isFinished();
    }

    @Override
    public void close() {
        gate.close();
        partition.close();
        environment.close();
    }
}
