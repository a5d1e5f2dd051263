package org.millrace.shuffle.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.valueOf;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.EventSerializer;
import org.millrace.shuffle.buffer.NetworkBufferPool;

class PipelinedResultPartitionTest {

    private static final ResultPartitionID ID = new ResultPartitionID("result-1#0", "attempt-7");

    private final NetworkBufferPool global = new NetworkBufferPool(16, 128);
    private final ResultPartitionManager manager = new ResultPartitionManager();
    private final AtomicInteger notifications = new AtomicInteger();

    private PipelinedResultPartition newPartition(int subpartitions) throws IOException {
        PipelinedResultPartition partition = new PipelinedResultPartition(ID, "Source (1/1)", subpartitions,
                global.createBufferPool(subpartitions + 1, 2 * subpartitions + 2, "Source (1/1)"), manager);
        manager.registerResultPartition(partition);
        return partition;
    }

    @AfterEach
    void noSegmentLeaks() {
        manager.shutdown();
        assertEquals(0, global.getNumberOfSegmentsInUse());
    }

    @Test
    void viewReceivesTheEmittedBuffersInOrderFollowedByEndOfPartition() throws Exception {
        PipelinedResultPartition partition = newPartition(1);
        ResultSubpartitionView view = manager.createSubpartitionView(ID, 0, notifications::incrementAndGet);
        Buffer first = withValue(partition.requestBuffer(), 10);
        Buffer second = withValue(partition.requestBuffer(), 20);
        partition.emitBuffer(first, 0);
        partition.emitBuffer(second, 0);
        partition.finish();
        partition.close();

        BufferAndBacklog next = view.pollNext();
        assertSame(first, next.getBuffer(), "the consumer gets the producer's buffer object: no copy");
        assertTrue(next.isMoreAvailable());
        assertEquals(1, next.getBacklog());
        next.getBuffer().recycle();

        next = view.pollNext();
        assertEquals(20, valueOf(next.getBuffer()));
        assertTrue(next.isMoreAvailable());
        assertEquals(0, next.getBacklog());
        next.getBuffer().recycle();

        next = view.pollNext();
        assertTrue(next.getBuffer().isEvent());
        assertSame(EndOfPartitionEvent.INSTANCE, EventSerializer.fromBuffer(next.getBuffer()));
        assertFalse(next.isMoreAvailable());
        next.getBuffer().recycle();

        assertNull(view.pollNext());
        assertEquals(1, notifications.get());
    }

    @Test
    void listenerIsNotifiedOnlyWhenTheSubpartitionGoesFromEmptyToNonEmpty() throws Exception {
        PipelinedResultPartition partition = newPartition(1);
        ResultSubpartitionView view = manager.createSubpartitionView(ID, 0, notifications::incrementAndGet);
        assertEquals(0, notifications.get());

        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        partition.emitBuffer(withValue(partition.requestBuffer(), 2), 0);
        assertEquals(1, notifications.get());
        assertEquals(2, view.getBacklog());

        view.pollNext().getBuffer().recycle();
        view.pollNext().getBuffer().recycle();
        assertNull(view.pollNext());
        partition.emitBuffer(withValue(partition.requestBuffer(), 3), 0);

        assertEquals(2, notifications.get());
        view.release();
        partition.fail(new RuntimeException("test over"));
        partition.close();
    }

    @Test
    void consumerConnectingAfterDataWasAddedIsNotifiedAtOnce() throws Exception {
        PipelinedResultPartition partition = newPartition(2);
        partition.emitBuffer(withValue(partition.requestBuffer(), 5), 1);

        ResultSubpartitionView idle = manager.createSubpartitionView(ID, 0, () -> {});
        ResultSubpartitionView view = manager.createSubpartitionView(ID, 1, notifications::incrementAndGet);

        assertEquals(1, notifications.get());
        Buffer buffer = view.pollNext().getBuffer();
        assertEquals(5, valueOf(buffer));
        buffer.recycle();
        assertNull(idle.pollNext());
        idle.release();
        view.release();
        partition.close();
    }

    @Test
    void secondConsumerOfTheSameSubpartitionIsRejected() throws Exception {
        newPartition(1);
        manager.createSubpartitionView(ID, 0, () -> {});

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> manager.createSubpartitionView(ID, 0, () -> {}));

        assertEquals("Subpartition 0 of result-1#0@attempt-7 already has a consumer", e.getMessage());
    }

    @Test
    void producerFailureRecyclesQueuedBuffersAndFailsTheConsumersNextRead() throws Exception {
        PipelinedResultPartition partition = newPartition(1);
        ResultSubpartitionView view = manager.createSubpartitionView(ID, 0, notifications::incrementAndGet);
        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        partition.emitBuffer(withValue(partition.requestBuffer(), 2), 0);
        RuntimeException cause = new RuntimeException("disk on fire");

        partition.fail(cause);

        assertEquals(0, partition.getNumberOfQueuedBuffers(0));
        assertEquals(2, notifications.get(), "the consumer is woken to see the failure");
        IOException e = assertThrows(IOException.class, view::pollNext);
        assertEquals("Producer of partition result-1#0@attempt-7 failed: disk on fire", e.getMessage());
        assertSame(cause, e.getCause());
        assertThrows(IOException.class, () -> partition.emitBuffer(partition.requestBuffer(), 0));
        view.release();
        partition.close();
        assertFalse(manager.isRegistered(ID));
    }

    @Test
    void consumerReleasingEarlyRecyclesQueuedBuffersAndLaterOnesAreDropped() throws Exception {
        PipelinedResultPartition partition = newPartition(1);
        ResultSubpartitionView view = manager.createSubpartitionView(ID, 0, () -> {});
        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        partition.emitBuffer(withValue(partition.requestBuffer(), 2), 0);

        view.release();
        assertEquals(0, partition.getNumberOfQueuedBuffers(0));
        assertTrue(view.isReleased());
        assertNull(view.pollNext());

        partition.emitBuffer(withValue(partition.requestBuffer(), 3), 0);
        assertEquals(0, partition.getNumberOfQueuedBuffers(0));
        assertTrue(partition.isFullyConsumed());
        assertFalse(manager.isRegistered(ID), "nobody can read it any more");
        partition.finish();
        partition.close();
    }

    @Test
    void partitionUnregistersOnceEverySubpartitionWasReadToItsEnd() throws Exception {
        PipelinedResultPartition partition = newPartition(2);
        ResultSubpartitionView first = manager.createSubpartitionView(ID, 0, () -> {});
        ResultSubpartitionView second = manager.createSubpartitionView(ID, 1, () -> {});
        partition.finish();
        partition.close();

        first.pollNext().getBuffer().recycle();
        assertTrue(manager.isRegistered(ID));
        assertFalse(partition.isFullyConsumed());
        second.pollNext().getBuffer().recycle();

        assertTrue(partition.isFullyConsumed());
        assertFalse(manager.isRegistered(ID));
        assertEquals(0, manager.getNumberOfRegisteredPartitions());
    }

    @Test
    void finishingTwiceIsRejected() throws Exception {
        PipelinedResultPartition partition = newPartition(1);
        partition.finish();

        IllegalStateException e = assertThrows(IllegalStateException.class, partition::finish);

        assertEquals("Result partition result-1#0@attempt-7 of Source (1/1) is already finished", e.getMessage());
        partition.close();
    }

    @Test
    void closingAnUnfinishedPartitionFailsItsConsumers() throws Exception {
        PipelinedResultPartition partition = newPartition(1);
        ResultSubpartitionView view = manager.createSubpartitionView(ID, 0, () -> {});

        partition.close();

        IOException e = assertThrows(IOException.class, view::pollNext);
        assertEquals("Producer of partition result-1#0@attempt-7 failed: Producer Source (1/1) closed its partition"
                + " before finishing it", e.getMessage());
    }

    @Test
    void lookingUpAnUnknownPartitionNamesIt() {
        PartitionNotFoundException e = assertThrows(PartitionNotFoundException.class,
                () -> manager.createSubpartitionView(ID, 0, () -> {}));

        assertSame(ID, e.getPartitionId());
        assertTrue(e.getMessage().startsWith("Result partition result-1#0@attempt-7 is not registered"));
    }
}
