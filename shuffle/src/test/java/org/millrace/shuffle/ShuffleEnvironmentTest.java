package org.millrace.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.pollBlocking;
import static org.millrace.shuffle.TestBuffers.valueOf;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShuffleEnvironmentTest {

    private static final ResultPartitionID SOURCE = new ResultPartitionID("source#0", "attempt-0");

    @Test
    void producerRunsOutOfBuffersWhenItsConsumerDoesNotReadAndResumesWhenOneIsRecycled() throws Exception {
        try (ShuffleEnvironment env = new ShuffleEnvironment(100, 256, 2, 8)) {
            PipelinedResultPartition partition = env.createResultPartition(SOURCE, 1, "Source (1/1)");
            SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(SOURCE), 0);
            int maxBuffers = 1 * 2 + 8;

            for (int i = 0; i < maxBuffers; i++) {
                Buffer buffer = partition.requestBuffer();
                assertNotNull(buffer, "buffer " + i);
                partition.emitBuffer(withValue(buffer, i), 0);
            }
            assertNull(partition.requestBuffer());
            CompletableFuture<?> available = partition.getAvailableFuture();
            assertFalse(available.isDone());
            assertEquals(maxBuffers, partition.getBacklog(0));

            BufferOrEvent first = gate.pollNext();
            assertEquals(0, valueOf(first.getBuffer()));
            assertFalse(available.isDone(), "the consumer still holds the buffer");
            first.getBuffer().recycle();

            assertTrue(available.isDone());
            Buffer resumed = partition.requestBuffer();
            assertNotNull(resumed);
            assertNull(partition.requestBuffer());
            resumed.recycle();
            gate.close();
            partition.close();
            assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
        }
    }

    @Test
    void partitionWhoseMinimumBuffersCannotBeReservedFailsFastNamingTheConfigKeys() {
        try (ShuffleEnvironment env = new ShuffleEnvironment(4, 32 * 1024, 2, 8)) {
            IOException e = assertThrows(IOException.class,
                    () -> env.createResultPartition(SOURCE, 4, "Map (3/4)"));

            assertTrue(e.getMessage().contains("Map (3/4) (partition source#0@attempt-0) requires 5 buffers, but only 4"
                    + " of 4 are available"), e.getMessage());
            assertTrue(e.getMessage().contains("taskmanager.memory.network.max"), e.getMessage());
            assertTrue(e.getMessage().contains("taskmanager.memory.segment-size"), e.getMessage());
            assertFalse(env.getResultPartitionManager().isRegistered(SOURCE));
        }
    }

    /**
     * Two producers and two consumers on their own threads exchange 100,000 buffers through a pool
     * far smaller than the data: every channel sees its values in order, the pool's high-water mark
     * stays within its size, and every segment is back at the end.
     */
    @Test
    void concurrentExchangeOf100kBuffersStaysWithinThePoolAndReturnsEverySegment() throws Exception {
        int producers = 2;
        int consumers = 2;
        int buffersPerProducer = 50_000;
        try (ShuffleEnvironment env = new ShuffleEnvironment(32, 1024, 2, 8)) {
            List<ResultPartitionID> ids = new ArrayList<>();
            List<PipelinedResultPartition> partitions = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                ResultPartitionID id = new ResultPartitionID("source#" + p, "attempt-0");
                ids.add(id);
                partitions.add(env.createResultPartition(id, consumers, "Source (" + (p + 1) + "/2)"));
            }
            List<SingleInputGate> gates = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                gates.add(env.createInputGate("Sink (" + (c + 1) + "/2)", 0, ids, c));
            }
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            long[] receivedPerConsumer = new long[consumers];
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                PipelinedResultPartition partition = partitions.get(p);
                threads.add(new Thread(() -> produce(partition, buffersPerProducer, failures), "producer-" + p));
            }
            for (int c = 0; c < consumers; c++) {
                SingleInputGate gate = gates.get(c);
                int consumer = c;
                threads.add(new Thread(() -> receivedPerConsumer[consumer] = consume(gate, failures), "consumer-" + c));
            }
            try {
                threads.forEach(Thread::start);
                for (Thread thread : threads) {
                    thread.join();
                }
            } finally {
                threads.forEach(Thread::interrupt);
                for (Thread thread : threads) {
                    thread.join();
                }
            }

            assertEquals(List.of(), List.copyOf(failures));
            assertEquals(producers * buffersPerProducer / consumers, receivedPerConsumer[0]);
            assertEquals(producers * buffersPerProducer / consumers, receivedPerConsumer[1]);
            assertTrue(env.getNetworkBufferPool().getMaxSegmentsEverInUse() <= 32);
            gates.forEach(SingleInputGate::close);
            partitions.forEach(PipelinedResultPartition::close);
            assertEquals(0, env.getResultPartitionManager().getNumberOfRegisteredPartitions());
            assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
        }
    }

    /** Emits values 0..count-1, value v to subpartition v % n, then finishes (or fails, waking consumers). */
    private static void produce(PipelinedResultPartition partition, int count, ConcurrentLinkedQueue<Throwable> failures) {
        try {
            int n = partition.getNumberOfSubpartitions();
            for (int v = 0; v < count; v++) {
                partition.emitBuffer(withValue(partition.requestBufferBlocking(), v), v % n);
            }
            partition.finish();
        } catch (Throwable t) {
            failures.add(t);
            partition.fail(t);
        }
    }

    /** Reads until the gate finishes, checking that each channel's values arrive in order. */
    private static long consume(SingleInputGate gate, ConcurrentLinkedQueue<Throwable> failures) {
        long received = 0;
        int[] lastPerChannel = new int[gate.getNumberOfInputChannels()];
        java.util.Arrays.fill(lastPerChannel, -1);
        try {
            while (!gate.isFinished()) {
                BufferOrEvent next = pollBlocking(gate);
                if (next.isBuffer()) {
                    int value = valueOf(next.getBuffer());
                    next.getBuffer().recycle();
                    int channel = next.getChannelIndex();
                    if (lastPerChannel[channel] >= 0 && value != lastPerChannel[channel] + 2) {
                        throw new AssertionError("Channel " + channel + " got " + value + " after " + lastPerChannel[channel]);
                    }
                    lastPerChannel[channel] = value;
                    received++;
                }
            }
        } catch (Throwable t) {
            failures.add(t);
        }
        return received;
    }

    @Test
    void closingTheEnvironmentReleasesUnconsumedPartitionsSoNoSegmentLeaks() throws Exception {
        ShuffleEnvironment env = new ShuffleEnvironment(16, 256, 2, 8);
        PipelinedResultPartition partition = env.createResultPartition(SOURCE, 2, "Source (1/1)");
        SingleInputGate gate = env.createInputGate("Sink (1/2)", 0, List.of(SOURCE), 0);
        for (int i = 0; i < 6; i++) {
            partition.emitBuffer(withValue(partition.requestBuffer(), i), i % 2);
        }
        BufferOrEvent read = gate.pollNext();
        read.getBuffer().recycle();
        assertTrue(env.getNetworkBufferPool().getNumberOfSegmentsInUse() > 0);

        env.close();

        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
        assertEquals(0, env.getResultPartitionManager().getNumberOfRegisteredPartitions());
        IOException e = assertThrows(IOException.class, gate::pollNext);
        assertEquals("Producer of partition source#0@attempt-0 failed: TaskExecutor's shuffle environment shut down",
                e.getMessage());
        gate.close();
        partition.close();
    }
}
