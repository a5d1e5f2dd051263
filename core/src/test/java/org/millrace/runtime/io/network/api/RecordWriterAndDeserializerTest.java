package org.millrace.runtime.io.network.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.AbstractEvent;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.ResultPartitionWriter;
import org.millrace.streaming.runtime.partitioner.BroadcastPartitioner;
import org.millrace.streaming.runtime.partitioner.RebalancePartitioner;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

class RecordWriterAndDeserializerTest {

    /** Collects emitted buffers per subpartition; hands out small heap segments and counts recycling. */
    static class TestingPartition implements ResultPartitionWriter {
        final List<ArrayDeque<Buffer>> queues = new ArrayList<>();
        final int segmentSize;
        int outstanding;
        boolean finished;

        TestingPartition(int subpartitions, int segmentSize) {
            this.segmentSize = segmentSize;
            for (int i = 0; i < subpartitions; i++) {
                queues.add(new ArrayDeque<>());
            }
        }

        @Override
        public int getNumberOfSubpartitions() {
            return queues.size();
        }

        @Override
        public Buffer requestBuffer() {
            outstanding++;
            return new Buffer(MemorySegment.allocateHeap(segmentSize), s -> outstanding--);
        }

        @Override
        public Buffer requestBufferBlocking() {
            return requestBuffer();
        }

        @Override
        public void emitBuffer(Buffer buffer, int subpartition) {
            queues.get(subpartition).add(buffer);
        }

        @Override
        public void broadcastEvent(AbstractEvent event) {}

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void fail(Throwable cause) {}

        @Override
        public void close() {}

        @Override
        public CompletableFuture<?> getAvailableFuture() {
            return AVAILABLE;
        }
    }

    private static <T> List<T> readAll(ArrayDeque<Buffer> buffers, StreamElementSerializer<T> serializer) throws IOException {
        RecordDeserializer<T> deserializer = new RecordDeserializer<>(serializer);
        List<T> out = new ArrayList<>();
        StreamRecord<T> reuse = new StreamRecord<>(null);
        for (Buffer b : buffers) {
            deserializer.addBuffer(b);
            StreamRecord<T> r;
            while ((r = deserializer.next(reuse)) != null) {
                out.add(r.getValue());
            }
        }
        assertTrue(deserializer.isEmpty(), "a partial record was left over");
        return out;
    }

    @Test
    void recordsLargerThanABufferSpanSeveralBuffersAndComeBackIntact() throws Exception {
        TestingPartition partition = new TestingPartition(1, 64);
        StreamElementSerializer<String> serializer = new StreamElementSerializer<>(Types.STRING.createSerializer());
        StreamPartitioner<String> p = new RebalancePartitioner<>();
        p.setup(1, 0);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String s = "x".repeat(i * 7) + "é" + i;
            sent.add(s);
        }
        RecordWriter<String> w = new RecordWriter<>(partition, p, serializer, false);
        for (String s : sent) {
            w.emit(new StreamRecord<>(s));
        }
        w.finish();
        assertTrue(partition.finished);
        assertTrue(partition.queues.get(0).size() > 100, "expected many 64-byte buffers");
        assertEquals(sent, readAll(partition.queues.get(0), serializer));
        assertEquals(0, partition.outstanding, "every buffer is recycled after reading");
    }

    @Test
    void timestampsTravelWithTheirRecords() throws Exception {
        TestingPartition partition = new TestingPartition(1, 32 * 1024);
        StreamElementSerializer<Long> serializer = new StreamElementSerializer<>(Types.LONG.createSerializer());
        StreamPartitioner<Long> p = new RebalancePartitioner<>();
        p.setup(1, 0);
        RecordWriter<Long> w = new RecordWriter<>(partition, p, serializer, false);
        w.emit(new StreamRecord<>(1L, 1000L));
        w.emit(new StreamRecord<>(2L));
        w.flushAll();
        RecordDeserializer<Long> d = new RecordDeserializer<>(serializer);
        d.addBuffer(partition.queues.get(0).poll());
        StreamRecord<Long> first = d.next(new StreamRecord<>(null));
        assertEquals(1L, first.getValue());
        assertEquals(1000L, first.getTimestamp());
        StreamRecord<Long> second = d.next(new StreamRecord<>(null));
        assertEquals(2L, second.getValue());
        assertEquals(false, second.hasTimestamp());
        assertNull(d.next(new StreamRecord<>(null)));
    }

    @Test
    void broadcastWritesEveryRecordToEveryChannel() throws Exception {
        TestingPartition partition = new TestingPartition(3, 128);
        StreamElementSerializer<Long> serializer = new StreamElementSerializer<>(Types.LONG.createSerializer());
        StreamPartitioner<Long> p = new BroadcastPartitioner<>();
        p.setup(3, 0);
        RecordWriter<Long> w = new RecordWriter<>(partition, p, serializer, false);
        for (long i = 0; i < 100; i++) {
            w.emit(new StreamRecord<>(i));
        }
        w.finish();
        for (int ch = 0; ch < 3; ch++) {
            assertEquals(java.util.stream.LongStream.range(0, 100).boxed().toList(), readAll(partition.queues.get(ch), serializer));
        }
    }

    @Test
    void corruptLengthIsReportedNotMisread() {
        StreamElementSerializer<Long> serializer = new StreamElementSerializer<>(Types.LONG.createSerializer());
        RecordDeserializer<Long> d = new RecordDeserializer<>(serializer);
        MemorySegment segment = MemorySegment.allocateHeap(16);
        segment.putInt(0, 3); // claims 3 bytes, but a long record needs 1 tag + 8 value bytes
        segment.put(4, (byte) 0);
        Buffer b = new Buffer(segment, s -> {});
        b.setSize(7);
        d.addBuffer(b);
        assertThrows(IOException.class, () -> d.next(new StreamRecord<>(null)));
    }

    @Test
    void failureWhileWaitingForTheNextBufferNeverRecyclesAnEmittedBufferAgain() throws Exception {
        // hands out one buffer, then none, and its availability future fails (the partition was released)
        TestingPartition partition = new TestingPartition(1, 16) {
            private int handedOut;

            @Override
            public Buffer requestBuffer() {
                return handedOut++ == 0 ? super.requestBuffer() : null;
            }

            @Override
            public CompletableFuture<?> getAvailableFuture() {
                return CompletableFuture.failedFuture(new IllegalStateException("partition released"));
            }
        };
        StreamElementSerializer<String> serializer = new StreamElementSerializer<>(Types.STRING.createSerializer());
        StreamPartitioner<String> p = new RebalancePartitioner<>();
        p.setup(1, 0);
        RecordWriter<String> w = new RecordWriter<>(partition, p, serializer, false);
        w.emit(new StreamRecord<>("ab")); // leaves a partly filled current buffer
        IOException e = assertThrows(IOException.class, () -> w.emit(new StreamRecord<>("a record longer than one buffer")));
        assertTrue(e.getMessage().contains("failed while waiting for a buffer"), e.getMessage());
        assertEquals(1, partition.queues.get(0).size(), "the first, full buffer went to the partition");
        w.releaseUnsentBuffers(); // must not recycle the emitted buffer (Buffer.recycle throws on a second call)
        assertEquals(false, partition.queues.get(0).peek().isRecycled());
    }
}
