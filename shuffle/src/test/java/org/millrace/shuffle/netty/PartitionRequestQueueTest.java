package org.millrace.shuffle.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.withValue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;

/** The server's credit-based sending, driven message by message through an {@link EmbeddedChannel}. */
class PartitionRequestQueueTest {

    private static final ResultPartitionID ID = new ResultPartitionID("source#0", "attempt-0");

    private final ShuffleEnvironment env = new ShuffleEnvironment(32, 64, 2, 8);
    private final PartitionRequestQueue queue = new PartitionRequestQueue();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new ServerRequestHandler(env.getResultPartitionManager(), queue), queue);

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        env.close();
    }

    /** Responses written so far, after running the event loop's pending notifications. */
    private List<BufferResponse> drainResponses() {
        channel.runPendingTasks();
        List<BufferResponse> responses = new ArrayList<>();
        Object next;
        while ((next = channel.readOutbound()) != null) {
            responses.add((BufferResponse) next);
        }
        return responses;
    }

    @Test
    void sendsOnlyAgainstCreditAndReportsTheBacklog() throws Exception {
        PipelinedResultPartition partition = env.createResultPartition(ID, 1, "Source (1/1)");
        channel.writeInbound(new NettyMessage.PartitionRequest(ID, 0, 7L, 2));
        for (int i = 0; i < 5; i++) {
            partition.emitBuffer(withValue(partition.requestBuffer(), i), 0);
        }

        List<BufferResponse> first = drainResponses();
        assertEquals(2, first.size());
        assertEquals(List.of(0, 1), first.stream().map(r -> r.sequenceNumber).toList());
        assertEquals(List.of(4, 3), first.stream().map(r -> r.backlog).toList());
        assertEquals(3, partition.getBacklog(0), "a receiver without credit gets nothing more");

        channel.writeInbound(new NettyMessage.AddCredit(7L, 1));
        List<BufferResponse> second = drainResponses();
        assertEquals(1, second.size());
        assertEquals(2, second.get(0).sequenceNumber);
        assertEquals(2, second.get(0).backlog);

        channel.writeInbound(new NettyMessage.AddCredit(7L, 10));
        partition.finish();
        List<BufferResponse> rest = drainResponses();
        assertEquals(List.of(3, 4, 5), rest.stream().map(r -> r.sequenceNumber).toList());
        assertTrue(rest.get(2).isEvent, "end of partition last");
        assertTrue(partition.isFullyConsumed());
        partition.close();
        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse(), "every written buffer recycled");
    }

    @Test
    void unknownPartitionIsAnsweredWithARetriableErrorNamingIt() {
        channel.writeInbound(new NettyMessage.PartitionRequest(ID, 0, 3L, 2));
        NettyMessage.ErrorResponse error = channel.readOutbound();
        assertEquals(3L, error.receiverId());
        assertTrue(error.partitionNotFound());
        assertTrue(error.message().contains("Result partition source#0@attempt-0 is not registered"), error.message());
    }

    @Test
    void producerFailureIsSentAsErrorCarryingItsMessage() throws Exception {
        PipelinedResultPartition partition = env.createResultPartition(ID, 1, "Source (1/1)");
        channel.writeInbound(new NettyMessage.PartitionRequest(ID, 0, 3L, 2));
        partition.fail(new RuntimeException("disk on fire"));
        channel.runPendingTasks();
        NettyMessage.ErrorResponse error = channel.readOutbound();
        assertFalse(error.partitionNotFound());
        assertEquals("Producer of partition source#0@attempt-0 failed: disk on fire", error.message());
        partition.close();
    }

    @Test
    void cancelReleasesTheViewAndItsQueuedBuffers() throws Exception {
        PipelinedResultPartition partition = env.createResultPartition(ID, 1, "Source (1/1)");
        channel.writeInbound(new NettyMessage.PartitionRequest(ID, 0, 3L, 0));
        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        assertEquals(List.of(), drainResponses());

        channel.writeInbound(new NettyMessage.CancelPartitionRequest(3L));
        channel.writeInbound(new NettyMessage.AddCredit(3L, 5));
        assertEquals(List.of(), drainResponses());
        assertEquals(0, partition.getNumberOfQueuedBuffers(0));
        assertNull(channel.readOutbound());
        partition.close();
        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }
}
