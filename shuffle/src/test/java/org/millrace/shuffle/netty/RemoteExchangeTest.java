package org.millrace.shuffle.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.pollBlocking;
import static org.millrace.shuffle.TestBuffers.valueOf;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.shuffle.ProducerLocation;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Two shuffle environments in one JVM, standing for two TaskExecutors: the producer's serves its
 * partitions on 127.0.0.1, the consumer's reads them through remote input channels.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteExchangeTest {

    private static final ResultPartitionID SOURCE = new ResultPartitionID("source#0", "attempt-0");

    private final List<ShuffleEnvironment> environments = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private ShuffleEnvironment environment(int segments, int segmentSize) {
        ShuffleEnvironment env = new ShuffleEnvironment(segments, segmentSize, 2, 8);
        environments.add(env);
        return env;
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join();
        }
        environments.forEach(ShuffleEnvironment::close);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("Millrace Netty")) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
                assertFalse(thread.isAlive(), thread.getName() + " still runs");
            }
        }
    }

    /**
     * Two producers write 25,000 long records to each of two subpartitions; two consumers read them
     * remotely through pools much smaller than the data: each channel sees 0..24,999 in order,
     * end of partition finishes both gates, the receivers' memory stays within their pools, and every
     * segment is back in both TaskExecutors at the end.
     */
    @Test
    void hundredThousandRecordsArriveCompleteAndInOrderPerChannel() throws Exception {
        int recordsPerSubpartition = 25_000;
        ShuffleEnvironment producerEnv = environment(32, 1024);
        ShuffleEnvironment consumerEnv = environment(32, 1024);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");

        List<PipelinedResultPartition> partitions = new ArrayList<>();
        List<ProducerLocation> locations = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            ResultPartitionID id = new ResultPartitionID("source#" + p, "attempt-0");
            partitions.add(producerEnv.createResultPartition(id, 2, "Source (" + (p + 1) + "/2)"));
            locations.add(ProducerLocation.remote(id, server));
        }
        List<SingleInputGate> gates = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            gates.add(consumerEnv.createInputGateForProducers("Sink (" + (c + 1) + "/2)", 0, locations, c));
        }

        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long[][] receivedPerChannel = new long[2][2];
        for (PipelinedResultPartition partition : partitions) {
            start(() -> writeSequences(partition, recordsPerSubpartition), failures);
        }
        for (int c = 0; c < 2; c++) {
            SingleInputGate gate = gates.get(c);
            long[] received = receivedPerChannel[c];
            start(() -> readSequences(gate, received), failures);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(List.of(), List.copyOf(failures));
        for (int c = 0; c < 2; c++) {
            assertEquals(recordsPerSubpartition, receivedPerChannel[c][0]);
            assertEquals(recordsPerSubpartition, receivedPerChannel[c][1]);
            assertTrue(gates.get(c).isFinished());
        }
        assertTrue(consumerEnv.getNetworkBufferPool().getMaxSegmentsEverInUse() <= 2 * (2 * 2 + 8));
        gates.forEach(SingleInputGate::close);
        partitions.forEach(PipelinedResultPartition::close);
        assertEquals(0, producerEnv.getResultPartitionManager().getNumberOfRegisteredPartitions());
        assertNoSegmentInUseOnceClosed(producerEnv);
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    /** Fills buffers with consecutive longs 0..count-1 per subpartition, round-robin over subpartitions, then finishes. */
    private static void writeSequences(PipelinedResultPartition partition, int count) throws Exception {
        int n = partition.getNumberOfSubpartitions();
        long[] next = new long[n];
        boolean more = true;
        while (more) {
            more = false;
            for (int s = 0; s < n; s++) {
                if (next[s] == count) {
                    continue;
                }
                Buffer buffer = partition.requestBufferBlocking();
                MemorySegment segment = buffer.getMemorySegment();
                // vary the fill so that buffers are not all alike: 1..(capacity / 8) records
                int records = (int) Math.min(count - next[s], 1 + (next[s] % (buffer.getCapacity() / 8)));
                for (int r = 0; r < records; r++) {
                    segment.putLong(r * 8, next[s]++);
                }
                buffer.setSize(records * 8);
                partition.emitBuffer(buffer, s);
                more |= next[s] < count;
            }
        }
        partition.finish();
    }

    /** Reads until the gate finishes, checking each channel's records are consecutive from 0. */
    private static void readSequences(SingleInputGate gate, long[] receivedPerChannel) throws Exception {
        while (!gate.isFinished()) {
            BufferOrEvent next = pollBlocking(gate);
            if (!next.isBuffer()) {
                assertInstanceOf(EndOfPartitionEvent.class, next.getEvent());
                continue;
            }
            Buffer buffer = next.getBuffer();
            int channel = next.getChannelIndex();
            for (int offset = 0; offset < buffer.getSize(); offset += 8) {
                long value = buffer.getMemorySegment().getLong(offset);
                if (value != receivedPerChannel[channel]) {
                    throw new AssertionError("Channel " + channel + " got " + value + ", expected " + receivedPerChannel[channel]);
                }
                receivedPerChannel[channel]++;
            }
            buffer.recycle();
        }
    }

    @Test
    void consumerThatDoesNotPollHoldsAtMostItsCreditAndTheProducerRunsDryUntilItPolls() throws Exception {
        ShuffleEnvironment producerEnv = environment(100, 256);
        ShuffleEnvironment consumerEnv = environment(100, 256);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        PipelinedResultPartition partition = producerEnv.createResultPartition(SOURCE, 1, "Source (1/1)");
        int producerPoolSize = 2 + 8;
        int receiverBuffers = 2 + 8;
        for (int v = 0; v < producerPoolSize; v++) {
            partition.emitBuffer(withValue(partition.requestBuffer(), v), 0);
        }
        SingleInputGate gate = consumerEnv.createInputGateForProducers(
                "Sink (1/1)", 0, List.of(ProducerLocation.remote(SOURCE, server)), 0);
        RemoteInputChannel channel = (RemoteInputChannel) gate.getChannel(0);

        // Each of these waits until a buffer of the first round was written out: the sender's credit
        // (exclusive + floating) covers the first round, and nothing more until the consumer polls.
        for (int v = producerPoolSize; v < producerPoolSize + receiverBuffers; v++) {
            partition.emitBuffer(withValue(partition.requestBufferBlocking(), v), 0);
        }
        awaitCondition(() -> channel.getNumberOfQueuedBuffers() == receiverBuffers);

        assertEquals(producerPoolSize, partition.getBacklog(0));
        assertNull(partition.requestBuffer(), "the producer's pool ran dry");
        assertFalse(partition.getAvailableFuture().isDone());
        assertEquals(receiverBuffers, channel.getNumberOfQueuedBuffers());

        for (int v = 0; v < producerPoolSize + receiverBuffers; v++) {
            BufferOrEvent next = pollBlocking(gate);
            assertEquals(v, valueOf(next.getBuffer()));
            next.getBuffer().recycle();
        }
        partition.getAvailableFuture().get(); // written buffers reach the producer's pool again
        partition.finish();
        assertInstanceOf(EndOfPartitionEvent.class, pollBlocking(gate).getEvent());
        assertTrue(gate.isFinished());

        gate.close();
        partition.close();
        assertNoSegmentInUseOnceClosed(producerEnv);
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    @Test
    void producerFailureReachesTheRemoteConsumerWithTheProducersMessage() throws Exception {
        ShuffleEnvironment producerEnv = environment(32, 256);
        ShuffleEnvironment consumerEnv = environment(32, 256);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        PipelinedResultPartition partition = producerEnv.createResultPartition(SOURCE, 1, "Source (1/1)");
        SingleInputGate gate = consumerEnv.createInputGateForProducers(
                "Sink (1/1)", 0, List.of(ProducerLocation.remote(SOURCE, server)), 0);
        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        BufferOrEvent first = pollBlocking(gate);
        assertEquals(1, valueOf(first.getBuffer()));
        first.getBuffer().recycle();

        partition.fail(new RuntimeException("disk on fire"));

        IOException e = assertThrows(IOException.class, () -> pollBlocking(gate));
        assertTrue(e.getMessage().contains("Producer of partition source#0@attempt-0 failed: disk on fire"), e.getMessage());
        assertTrue(e.getMessage().contains("from the TaskExecutor at " + server), e.getMessage());
        gate.close();
        partition.close();
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    @Test
    void serverShutDownMidStreamFailsTheConsumerNamingBothAddressesAndThePartition() throws Exception {
        ShuffleEnvironment producerEnv = environment(32, 256);
        ShuffleEnvironment consumerEnv = environment(32, 256);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        PipelinedResultPartition partition = producerEnv.createResultPartition(SOURCE, 1, "Source (1/1)");
        SingleInputGate gate = consumerEnv.createInputGateForProducers(
                "Sink (1/1)", 0, List.of(ProducerLocation.remote(SOURCE, server)), 0);
        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        BufferOrEvent first = pollBlocking(gate);
        first.getBuffer().recycle();

        producerEnv.close();

        IOException e = assertThrows(IOException.class, () -> {
            while (true) {
                BufferOrEvent next = pollBlocking(gate);
                if (next.isBuffer()) {
                    next.getBuffer().recycle();
                }
            }
        });
        String expected = "Lost the connection while reading subpartition 0 of partition source#0@attempt-0 from the"
                + " TaskExecutor at " + server + " (local address /127.0.0.1:";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(Pattern.compile("local address /127\\.0\\.0\\.1:\\d+\\)").matcher(e.getMessage()).find(), e.getMessage());
        gate.close();
        partition.close();
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    @Test
    void partitionRegisteredAfterTheRequestIsFoundByARetry() throws Exception {
        ShuffleEnvironment producerEnv = environment(32, 256);
        ShuffleEnvironment consumerEnv = environment(32, 256);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        SingleInputGate gate = consumerEnv.createInputGateForProducers(
                "Sink (1/1)", 0, List.of(ProducerLocation.remote(SOURCE, server)), 0);
        PipelinedResultPartition partition = producerEnv.createResultPartition(SOURCE, 1, "Source (1/1)");
        partition.emitBuffer(withValue(partition.requestBuffer(), 42), 0);
        partition.finish();

        BufferOrEvent first = pollBlocking(gate);
        assertEquals(42, valueOf(first.getBuffer()));
        first.getBuffer().recycle();
        assertInstanceOf(EndOfPartitionEvent.class, pollBlocking(gate).getEvent());
        gate.close();
        partition.close();
    }

    @Test
    void partitionThatNeverAppearsFailsNamingItAfterTheRetries() throws Exception {
        ShuffleEnvironment producerEnv = environment(32, 256);
        ShuffleEnvironment consumerEnv = environment(32, 256);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        SingleInputGate gate = consumerEnv.createInputGateForProducers(
                "Sink (1/1)", 0, List.of(ProducerLocation.remote(SOURCE, server)), 0);

        IOException e = assertThrows(IOException.class, () -> pollBlocking(gate));
        assertTrue(e.getMessage().contains("Result partition source#0@attempt-0 is not registered"), e.getMessage());
        gate.close();
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    @Test
    void unreachableProducerFailsGateCreationNamingTheAddress() throws Exception {
        ShuffleEnvironment producerEnv = environment(8, 256);
        ShuffleEnvironment consumerEnv = environment(32, 256);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        producerEnv.close();

        IOException e = assertThrows(IOException.class, () -> consumerEnv.createInputGateForProducers(
                "Sink (1/1)", 0, List.of(ProducerLocation.remote(SOURCE, server)), 0));
        assertTrue(e.getMessage().startsWith("Cannot connect to the TaskExecutor at " + server), e.getMessage());
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfReservedSegments());
    }

    @Test
    void gateMixesLocalAndRemoteProducers() throws Exception {
        ShuffleEnvironment producerEnv = environment(32, 256);
        ShuffleEnvironment consumerEnv = environment(32, 256);
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        ResultPartitionID localId = new ResultPartitionID("source#1", "attempt-0");
        PipelinedResultPartition remote = producerEnv.createResultPartition(SOURCE, 1, "Source (1/2)");
        PipelinedResultPartition local = consumerEnv.createResultPartition(localId, 1, "Source (2/2)");
        SingleInputGate gate = consumerEnv.createInputGateForProducers("Sink (1/1)", 0,
                List.of(ProducerLocation.remote(SOURCE, server), ProducerLocation.local(localId)), 0);
        remote.emitBuffer(withValue(remote.requestBuffer(), 10), 0);
        remote.finish();
        local.emitBuffer(withValue(local.requestBuffer(), 20), 0);
        local.finish();

        int[] valueByChannel = new int[2];
        while (!gate.isFinished()) {
            BufferOrEvent next = pollBlocking(gate);
            if (next.isBuffer()) {
                valueByChannel[next.getChannelIndex()] = valueOf(next.getBuffer());
                next.getBuffer().recycle();
            }
        }
        assertEquals(10, valueByChannel[0]);
        assertEquals(20, valueByChannel[1]);
        assertNull(consumerEnv.getServerAddress(), "reading remotely needs no server of one's own");
        gate.close();
        remote.close();
        local.close();
        assertEquals(0, consumerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
        assertNoSegmentInUseOnceClosed(producerEnv);
    }

    /**
     * Closes a producer's environment, which waits for its server's event loops to end, and so for
     * the write listeners that recycle sent buffers (they may run after the consumer got the bytes).
     */
    private static void assertNoSegmentInUseOnceClosed(ShuffleEnvironment producerEnv) {
        producerEnv.close();
        assertEquals(0, producerEnv.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    private void start(ThrowingRunnable body, ConcurrentLinkedQueue<Throwable> failures) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "test-" + threads.size());
        threads.add(thread);
        thread.start();
    }

    /** Waits for a state another thread reaches; the class timeout is the safety net. */
    private static void awaitCondition(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
