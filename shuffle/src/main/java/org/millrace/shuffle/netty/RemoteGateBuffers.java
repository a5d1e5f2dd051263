package org.millrace.shuffle.netty;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.shuffle.buffer.LocalBufferPool;
import org.millrace.shuffle.buffer.NetworkBufferPool;

/**
 * The receive memory of one input gate's remote channels, so a consumer's memory is bounded like a
 * producer's: an exclusive pool holding {@code buffersPerChannel} segments for each remote channel,
 * and a floating pool of {@code floatingBuffers} segments that channels take from when their
 * sender's backlog exceeds their free buffers. Both are reserved (guaranteed) when the gate is created.
 *
 * <p>Thread-safe (the pools are). {@link #destroy()} runs when the gate closes, after its channels
 * released what they held; segments still inside buffers return to the global pool when recycled.
 */
public final class RemoteGateBuffers {

    private static final CompletableFuture<Void> NEVER = new CompletableFuture<>();

    private final LocalBufferPool exclusivePool;
    /** Null if the gate has no floating buffers. */
    private final LocalBufferPool floatingPool;

    private RemoteGateBuffers(LocalBufferPool exclusivePool, LocalBufferPool floatingPool) {
        this.exclusivePool = exclusivePool;
        this.floatingPool = floatingPool;
    }

    /**
     * Reserves the pools of a gate with {@code remoteChannels} remote channels.
     *
     * @throws IOException if the network buffer pool cannot guarantee them (naming the config keys)
     */
    public static RemoteGateBuffers create(NetworkBufferPool networkBufferPool, int remoteChannels,
                                           int buffersPerChannel, int floatingBuffers, String ownerName)
            throws IOException {
        int exclusive = remoteChannels * buffersPerChannel;
        LocalBufferPool exclusivePool =
                networkBufferPool.createBufferPool(exclusive, exclusive, ownerName + " (exclusive receive buffers)");
        if (floatingBuffers == 0) {
            return new RemoteGateBuffers(exclusivePool, null);
        }
        try {
            LocalBufferPool floatingPool = networkBufferPool.createBufferPool(
                    floatingBuffers, floatingBuffers, ownerName + " (floating receive buffers)");
            return new RemoteGateBuffers(exclusivePool, floatingPool);
        } catch (IOException | RuntimeException e) {
            exclusivePool.destroy();
            throw e;
        }
    }

    /** An exclusive buffer for a channel being set up, waiting if its guaranteed segment is still owed. */
    Buffer requestExclusiveBlocking() throws InterruptedException {
        return exclusivePool.requestBufferBlocking();
    }

    void recycleExclusive(MemorySegment segment) {
        exclusivePool.recycle(segment);
    }

    /** A free floating segment, or null if none is free now. */
    MemorySegment requestFloating() {
        if (floatingPool == null) {
            return null;
        }
        Buffer buffer = floatingPool.requestBuffer();
        return buffer == null ? null : buffer.getMemorySegment();
    }

    /** The pool floating segments (and received buffers made of them) recycle into. */
    LocalBufferPool floatingRecycler() {
        return floatingPool;
    }

    /** Completes when a floating segment may be free; never, if the gate has none. */
    CompletableFuture<?> floatingAvailable() {
        return floatingPool == null ? NEVER : floatingPool.getAvailableFuture();
    }

    /** Returns both pools' memory; called when the gate closes. */
    public void destroy() {
        exclusivePool.destroy();
        if (floatingPool != null) {
            floatingPool.destroy();
        }
    }
}
