package org.millrace.shuffle.netty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferRecycler;
import org.millrace.shuffle.gate.InputChannel;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.BufferAndBacklog;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * An input channel whose producer runs in another TaskExecutor: it requests its subpartition over
 * the shared connection to that TaskExecutor and receives it buffer by buffer, each copied into one
 * of its own free buffers, of which it has told the sender (credit).
 *
 * <pre>
 *  free buffers ──credit──> sender ──BufferResponse──> copy into a free buffer ──> received ──> task
 *   ▲   exclusive (buffersPerChannel, recycle back here, become credit again)             │
 *   │   floating  (taken from the gate's pool while the sender's backlog exceeds free)    │
 *   └───────────────────────────── recycle ───────────────────────────────────────────────┘
 * </pre>
 *
 * <p>Threading: responses, errors and credit announcements run on the connection's event loop;
 * {@link #pollNext()} on the task thread; recycling on whichever thread recycles. The buffer
 * bookkeeping shared between them is guarded by one small lock; the sequence number and retry
 * backoff belong to the event loop.
 *
 * <p>Pitfall: a failure (lost connection, failed producer) is reported on the next poll even if
 * received buffers are still queued, since the data that would follow them is lost anyway.
 */
public final class RemoteInputChannel extends InputChannel implements BufferRecycler {

    private final ResultPartitionID partitionId;
    private final int subpartitionIndex;
    private final InetSocketAddress producerAddress;
    private final NettyShuffleClient client;
    private final RemoteGateBuffers gateBuffers;
    private final int exclusiveBuffers;
    private final long receiverId;
    private final BufferAndBacklog result = new BufferAndBacklog();
    private final Runnable creditAnnouncer = this::announceCredit;
    private final Runnable floatingAvailableTask = this::onFloatingBufferAvailable;

    private final Object lock = new Object();
    // Guarded by lock.
    private final ArrayDeque<Buffer> received = new ArrayDeque<>();
    private final ArrayDeque<MemorySegment> freeExclusive = new ArrayDeque<>();
    private final ArrayDeque<MemorySegment> freeFloating = new ArrayDeque<>();
    /** Free buffers the sender has not been told about yet. */
    private int unannouncedCredit;
    private int senderBacklog;
    private boolean waitingForFloating;
    private boolean released;
    private IOException failure;

    // Event loop only.
    private int expectedSequenceNumber;
    private long nextBackoffMillis;

    /** Set once by requestSubpartition. */
    private volatile PartitionRequestClient connection;

    public RemoteInputChannel(
            SingleInputGate inputGate,
            int channelIndex,
            ResultPartitionID partitionId,
            int subpartitionIndex,
            InetSocketAddress producerAddress,
            NettyShuffleClient client,
            RemoteGateBuffers gateBuffers,
            int exclusiveBuffers) {
        super(inputGate, channelIndex);
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
        this.producerAddress = producerAddress;
        this.client = client;
        this.gateBuffers = gateBuffers;
        this.exclusiveBuffers = exclusiveBuffers;
        this.receiverId = client.nextReceiverId();
        this.nextBackoffMillis = client.initialBackoffMillis();
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    long getReceiverId() {
        return receiverId;
    }

    /** Takes the exclusive buffers, connects (or joins the existing connection) and requests the subpartition. */
    @Override
    public void requestSubpartition() throws IOException {
        if (connection != null) {
            return;
        }
        try {
            for (int i = 0; i < exclusiveBuffers; i++) {
                MemorySegment segment = gateBuffers.requestExclusiveBlocking().getMemorySegment();
                synchronized (lock) {
                    freeExclusive.add(segment);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while taking the buffers of " + this, e);
        }
        PartitionRequestClient newConnection = client.connect(producerAddress);
        connection = newConnection;
        newConnection.requestSubpartition(this);
    }

    /** Event loop: (re-)requests the subpartition, granting every free buffer as initial credit. */
    void sendPartitionRequest() {
        int credit;
        synchronized (lock) {
            if (released || failure != null) {
                return;
            }
            credit = freeExclusive.size() + freeFloating.size();
            unannouncedCredit = 0;
        }
        connection.send(new NettyMessage.PartitionRequest(partitionId, subpartitionIndex, receiverId, credit));
    }

    @Override
    public BufferAndBacklog pollNext() throws IOException {
        synchronized (lock) {
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            Buffer buffer = received.poll();
            if (buffer == null) {
                return null;
            }
            result.set(buffer, !received.isEmpty(), senderBacklog);
            return result;
        }
    }

    /** Event loop: copies a response into a free buffer, queues it, and takes floating buffers for the backlog. */
    void onBuffer(BufferResponse response) {
        String error = null;
        boolean notify = false;
        int credit = 0;
        try {
            synchronized (lock) {
                if (released || failure != null) {
                    return;
                }
                if (response.sequenceNumber != expectedSequenceNumber) {
                    error = "expected buffer " + expectedSequenceNumber + " but received " + response.sequenceNumber;
                } else {
                    expectedSequenceNumber++;
                    error = copyIntoFreeBufferLocked(response);
                    if (error == null) {
                        notify = received.size() == 1;
                        senderBacklog = response.backlog;
                        requestFloatingBuffersLocked();
                        credit = unannouncedCredit;
                        unannouncedCredit = 0;
                    }
                }
            }
        } finally {
            response.releaseData();
        }
        if (error != null) {
            fail("Protocol error reading " + describe() + ": " + error, null);
            return;
        }
        if (credit > 0) {
            connection.send(new NettyMessage.AddCredit(receiverId, credit));
        }
        if (notify) {
            notifyChannelNonEmpty();
        }
    }

    /** Returns an error text, or null once the response's bytes are queued as a buffer. */
    private String copyIntoFreeBufferLocked(BufferResponse response) {
        BufferRecycler recycler = this;
        MemorySegment segment = freeExclusive.poll();
        if (segment == null) {
            segment = freeFloating.poll();
            recycler = gateBuffers.floatingRecycler();
        }
        if (segment == null) {
            return "the sender sent a buffer without credit";
        }
        if (response.size > segment.size()) {
            recycler.recycle(segment);
            return "received " + response.size + " bytes, more than a buffer's " + segment.size();
        }
        response.data().getBytes(response.data().readerIndex(), segment.wrap(0, response.size));
        received.add(new Buffer(segment, recycler, response.isEvent, response.size));
        return null;
    }

    /** Takes floating buffers until the free ones cover the sender's backlog, or waits for the pool. */
    private void requestFloatingBuffersLocked() {
        int free = freeExclusive.size() + freeFloating.size();
        while (free < senderBacklog) {
            MemorySegment segment = gateBuffers.requestFloating();
            if (segment == null) {
                if (!waitingForFloating) {
                    waitingForFloating = true;
                    gateBuffers.floatingAvailable().thenRun(() -> connection.execute(floatingAvailableTask));
                }
                return;
            }
            freeFloating.add(segment);
            unannouncedCredit++;
            free++;
        }
    }

    /** Event loop: the gate's floating pool has a free segment again. */
    private void onFloatingBufferAvailable() {
        synchronized (lock) {
            waitingForFloating = false;
            if (released || failure != null) {
                return;
            }
            requestFloatingBuffersLocked();
        }
        announceCredit();
    }

    /** Event loop: tells the sender about free buffers it does not know of yet. */
    private void announceCredit() {
        int credit;
        synchronized (lock) {
            if (released || failure != null) {
                return;
            }
            credit = unannouncedCredit;
            unannouncedCredit = 0;
        }
        if (credit > 0) {
            connection.send(new NettyMessage.AddCredit(receiverId, credit));
        }
    }

    /** An exclusive buffer came back from the task: it becomes credit (or goes to the pool once released). */
    @Override
    public void recycle(MemorySegment segment) {
        boolean toPool;
        boolean announce = false;
        synchronized (lock) {
            toPool = released;
            if (!toPool) {
                freeExclusive.add(segment);
                announce = failure == null && unannouncedCredit++ == 0;
            }
        }
        if (toPool) {
            gateBuffers.recycleExclusive(segment);
        } else if (announce) {
            connection.execute(creditAnnouncer);
        }
    }

    /** Event loop: the server answered the request with an error. */
    void onError(NettyMessage.ErrorResponse error) {
        if (error.partitionNotFound() && nextBackoffMillis <= client.maxBackoffMillis()) {
            long backoff = nextBackoffMillis;
            nextBackoffMillis *= 2;
            connection.schedule(this::sendPartitionRequest, backoff);
            return;
        }
        fail("Reading " + describe() + " failed: " + error.message(), null);
    }

    /** Event loop: the connection broke; {@code cause} may be null. */
    void onConnectionFailure(String reason, Throwable cause) {
        fail("Lost the connection while reading " + describe() + ": " + reason, cause);
    }

    private void fail(String message, Throwable cause) {
        synchronized (lock) {
            if (released || failure != null) {
                return;
            }
            failure = new IOException(message, cause);
        }
        notifyChannelNonEmpty();
    }

    /** "subpartition i of partition P from the TaskExecutor at R (local address L)". */
    private String describe() {
        PartitionRequestClient current = connection;
        Object local = current == null ? "not connected" : current.localAddress();
        return "subpartition " + subpartitionIndex + " of partition " + partitionId + " from the TaskExecutor at "
                + producerAddress + " (local address " + local + ")";
    }

    @Override
    public void release() {
        Buffer[] queued;
        MemorySegment[] exclusive;
        MemorySegment[] floating;
        synchronized (lock) {
            if (released) {
                return;
            }
            released = true;
            queued = received.toArray(new Buffer[0]);
            received.clear();
            exclusive = freeExclusive.toArray(new MemorySegment[0]);
            freeExclusive.clear();
            floating = freeFloating.toArray(new MemorySegment[0]);
            freeFloating.clear();
        }
        for (Buffer buffer : queued) {
            buffer.recycle();
        }
        for (MemorySegment segment : exclusive) {
            gateBuffers.recycleExclusive(segment);
        }
        for (MemorySegment segment : floating) {
            gateBuffers.floatingRecycler().recycle(segment);
        }
        PartitionRequestClient current = connection;
        if (current != null) {
            current.cancel(this);
        }
    }

    /** Received buffers and events waiting for the task. */
    public int getNumberOfQueuedBuffers() {
        synchronized (lock) {
            return received.size();
        }
    }

    @Override
    public String toString() {
        return "RemoteInputChannel{" + channelIndex + " <- " + partitionId + "#" + subpartitionIndex + " @ "
                + producerAddress + "}";
    }
}
