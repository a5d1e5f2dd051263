package org.millrace.benchmarks.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferRecycler;
import org.millrace.runtime.io.network.api.RecordDeserializer;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.streaming.runtime.partitioner.ForwardPartitioner;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per record to serialize a record into network buffers and to read it back, per type
 * class, through the code a task runs: {@link RecordWriter} (element tag, the type's serializer
 * into the writer's {@code DataOutputSerializer}, length prefix, copy into 32 KiB off-heap
 * segments) and {@link RecordDeserializer} (copy out of the segment, {@code DataInputDeserializer},
 * the type's serializer). The serializer is the one the type information creates, as at
 * graph-build time. Each invocation handles {@value #BATCH} distinct records.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializationBenchmark {

    /** Records per invocation: several buffers' worth, so records spanning buffers are included. */
    static final int BATCH = 4096;

    @Param
    public RecordType type;

    private Object[] values;
    private StreamRecord<Object> record;
    private CapturingPartitionWriter writer;
    private RecordWriter<Object> recordWriter;

    private RecordDeserializer<Object> deserializer;
    private StreamRecord<Object> reuse;
    /** The batch as serialized by the record writer: segments and their valid sizes, never recycled. */
    private final List<Buffer> serializedBatch = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        values = new Object[BATCH];
        for (int i = 0; i < BATCH; i++) {
            values[i] = type.value(i);
        }
        StreamElementSerializer<Object> elements = elementSerializer(type);
        record = new StreamRecord<>(null);
        writer = new CapturingPartitionWriter();
        recordWriter = newRecordWriter(writer, elements);

        emitBatch();
        serializedBatch.addAll(writer.takeEmitted());
        deserializer = new RecordDeserializer<>(elementSerializer(type));
        reuse = new StreamRecord<>(null);
    }

    @SuppressWarnings("unchecked")
    static StreamElementSerializer<Object> elementSerializer(RecordType type) {
        return new StreamElementSerializer<>((TypeSerializer<Object>) type.typeInformation().createSerializer());
    }

    static RecordWriter<Object> newRecordWriter(CapturingPartitionWriter writer, StreamElementSerializer<Object> elements) {
        ForwardPartitioner<Object> forward = new ForwardPartitioner<>();
        forward.setup(1, 0);
        return new RecordWriter<>(writer, forward, elements, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        writer.close();
    }

    /** Serializes the batch into buffers; returns the bytes written. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int serialize() throws IOException, InterruptedException {
        emitBatch();
        int bytes = 0;
        for (Buffer buffer : writer.emitted()) {
            bytes += buffer.getSize();
        }
        writer.recycleAll();
        return bytes;
    }

    private void emitBatch() throws IOException, InterruptedException {
        Object[] batch = values;
        for (Object value : batch) {
            recordWriter.emit(record.replace(value));
        }
        recordWriter.flushAll();
    }

    /** Reads the batch back out of its buffers. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deserialize(Blackhole blackhole) throws IOException {
        for (Buffer serialized : serializedBatch) {
            // a fresh wrapper per buffer, as the pool hands out; recycling it must not free the batch
            deserializer.addBuffer(new Buffer(serialized.getMemorySegment(), BufferRecycler.NONE, false, serialized.getSize()));
            StreamRecord<Object> next;
            while ((next = deserializer.next(reuse)) != null) {
                blackhole.consume(next.getValue());
            }
        }
    }
}
