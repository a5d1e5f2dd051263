package org.millrace.shuffle.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.valueOf;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;

class UnionInputGateTest {

    private final ShuffleEnvironment env = new ShuffleEnvironment(64, 128, 2, 8);
    private final List<PipelinedResultPartition> partitions = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        partitions.forEach(PipelinedResultPartition::close);
        env.close();
        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    private ResultPartitionID producer(String name) throws Exception {
        ResultPartitionID id = new ResultPartitionID(name, "attempt");
        partitions.add(env.createResultPartition(id, 1, name));
        return id;
    }

    private void emit(int partition, int value) throws Exception {
        PipelinedResultPartition p = partitions.get(partition);
        p.emitBuffer(withValue(p.requestBuffer(), value), 0);
    }

    @Test
    void channelIndicesOfLaterGatesAreOffsetByTheChannelsOfEarlierGates() throws Exception {
        ResultPartitionID left0 = producer("left#0");
        ResultPartitionID left1 = producer("left#1");
        ResultPartitionID right0 = producer("right#0");
        SingleInputGate leftGate = env.createInputGate("Join (1/1)", 0, List.of(left0, left1), 0);
        SingleInputGate rightGate = env.createInputGate("Join (1/1)", 1, List.of(right0), 0);
        UnionInputGate union = new UnionInputGate(List.of(leftGate, rightGate));
        assertEquals(3, union.getNumberOfInputChannels());
        assertEquals(2, union.getChannelOffset(1));

        emit(2, 30);
        emit(1, 20);
        List<String> received = new ArrayList<>();
        BufferOrEvent next;
        while ((next = union.pollNext()) != null) {
            received.add(next.getChannelIndex() + ":" + valueOf(next.getBuffer()));
            next.getBuffer().recycle();
        }

        assertEquals(List.of("1:20", "2:30"), received);
        union.close();
    }

    @Test
    void unionFinishesOnlyWhenEveryGateHasFinished() throws Exception {
        ResultPartitionID left = producer("left#0");
        ResultPartitionID right = producer("right#0");
        UnionInputGate union = new UnionInputGate(List.of(
                env.createInputGate("Union (1/1)", 0, List.of(left), 0),
                env.createInputGate("Union (1/1)", 1, List.of(right), 0)));
        CompletableFuture<?> available = union.getAvailableFuture();
        assertFalse(available.isDone());

        partitions.get(1).finish();
        assertTrue(available.isDone());
        assertEquals(1, union.pollNext().getChannelIndex());
        assertFalse(union.isFinished());
        assertNull(union.pollNext());

        partitions.get(0).finish();
        assertEquals(0, union.pollNext().getChannelIndex());
        assertTrue(union.isFinished());
        assertTrue(union.isAvailable());
        union.close();
    }
}
