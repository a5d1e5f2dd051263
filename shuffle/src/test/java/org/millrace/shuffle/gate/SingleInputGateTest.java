package org.millrace.shuffle.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.valueOf;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.partition.PartitionNotFoundException;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SingleInputGateTest {

    private static final ResultPartitionID P0 = new ResultPartitionID("source#0", "a0");
    private static final ResultPartitionID P1 = new ResultPartitionID("source#1", "a1");

    private final ShuffleEnvironment env = new ShuffleEnvironment(64, 128, 2, 8);

    @AfterEach
    void closeEnvironmentAndCheckForLeaks() {
        env.close();
        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    private static void emit(PipelinedResultPartition partition, int value) throws IOException {
        partition.emitBuffer(withValue(partition.requestBuffer(), value), 0);
    }

    @Test
    void channelsWithDataAreServedRoundRobin() throws Exception {
        PipelinedResultPartition first = env.createResultPartition(P0, 1, "Source (1/2)");
        PipelinedResultPartition second = env.createResultPartition(P1, 1, "Source (2/2)");
        for (int i = 0; i < 3; i++) {
            emit(first, 100 + i);
            emit(second, 200 + i);
        }
        SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(P0, P1), 0);

        List<String> received = new ArrayList<>();
        BufferOrEvent next;
        while ((next = gate.pollNext()) != null) {
            received.add(next.getChannelIndex() + ":" + valueOf(next.getBuffer()));
            next.getBuffer().recycle();
        }

        assertEquals(List.of("0:100", "1:200", "0:101", "1:201", "0:102", "1:202"), received);
        gate.close();
        first.close();
        second.close();
    }

    @Test
    void consumerReceivesTheBufferObjectTheProducerEmitted() throws Exception {
        PipelinedResultPartition partition = env.createResultPartition(P0, 1, "Source (1/1)");
        SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(P0), 0);
        Buffer emitted = withValue(partition.requestBuffer(), 42);

        partition.emitBuffer(emitted, 0);
        BufferOrEvent received = gate.pollNext();

        assertSame(emitted, received.getBuffer());
        received.getBuffer().recycle();
        gate.close();
        partition.close();
    }

    @Test
    void gateFinishesWhenEveryChannelDeliveredItsEndOfPartition() throws Exception {
        PipelinedResultPartition first = env.createResultPartition(P0, 1, "Source (1/2)");
        PipelinedResultPartition second = env.createResultPartition(P1, 1, "Source (2/2)");
        SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(P0, P1), 0);
        emit(first, 1);
        first.finish();

        BufferOrEvent data = gate.pollNext();
        assertEquals(1, valueOf(data.getBuffer()));
        data.getBuffer().recycle();
        BufferOrEvent end = gate.pollNext();
        assertSame(EndOfPartitionEvent.INSTANCE, end.getEvent());
        assertEquals(0, end.getChannelIndex());
        assertFalse(gate.isFinished());
        assertNull(gate.pollNext());
        assertFalse(gate.isAvailable());

        second.finish();
        end = gate.pollNext();
        assertEquals(1, end.getChannelIndex());
        assertTrue(gate.isFinished());
        assertNull(gate.pollNext());
        assertTrue(gate.isAvailable(), "a finished gate never makes its task wait");
        assertFalse(env.getResultPartitionManager().isRegistered(P0));
        assertFalse(env.getResultPartitionManager().isRegistered(P1));
        gate.close();
        first.close();
        second.close();
    }

    @Test
    void availabilityFutureCompletesWhenAProducerThreadEmits() throws Exception {
        PipelinedResultPartition partition = env.createResultPartition(P0, 1, "Source (1/1)");
        SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(P0), 0);
        CompletableFuture<?> available = gate.getAvailableFuture();
        assertFalse(available.isDone());

        Thread producer = new Thread(() -> {
            try {
                emit(partition, 7);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "producer");
        producer.start();
        producer.join();

        assertTrue(available.isDone());
        BufferOrEvent next = gate.pollNext();
        assertEquals(7, valueOf(next.getBuffer()));
        next.getBuffer().recycle();
        gate.close();
        partition.close();
    }

    @Test
    void producerFailureSurfacesAtTheConsumerWithTheProducersMessage() throws Exception {
        PipelinedResultPartition partition = env.createResultPartition(P0, 1, "Source (1/1)");
        SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(P0), 0);
        emit(partition, 1);
        IllegalArgumentException cause = new IllegalArgumentException("bad record at offset 17");

        partition.fail(cause);

        assertTrue(gate.isAvailable(), "the consumer is woken to see the failure");
        IOException e = assertThrows(IOException.class, gate::pollNext);
        assertEquals("Producer of partition source#0@a0 failed: bad record at offset 17", e.getMessage());
        assertSame(cause, e.getCause());
        gate.close();
        partition.close();
    }

    @Test
    void creatingAGateForAnUnregisteredPartitionFailsNamingIt() {
        PartitionNotFoundException e = assertThrows(PartitionNotFoundException.class,
                () -> env.createInputGate("Sink (1/1)", 0, List.of(P0), 0));

        assertEquals(P0, e.getPartitionId());
        assertTrue(e.getMessage().contains("source#0@a0 is not registered"), e.getMessage());
    }

    @Test
    void closingTheGateRecyclesWhatIsQueuedAndReleasesThePartition() throws Exception {
        PipelinedResultPartition partition = env.createResultPartition(P0, 1, "Source (1/1)");
        SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(P0), 0);
        emit(partition, 1);
        emit(partition, 2);
        emit(partition, 3);

        gate.close();

        assertEquals(0, partition.getNumberOfQueuedBuffers(0));
        assertFalse(env.getResultPartitionManager().isRegistered(P0));
        assertTrue(gate.isAvailable());
        IOException e = assertThrows(IOException.class, gate::pollNext);
        assertEquals("Input gate 0 of Sink (1/1) was closed", e.getMessage());
        partition.finish();
        partition.close();
    }
}
