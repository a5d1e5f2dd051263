package org.millrace.shuffle.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferRecycler;

/**
 * The buffers of one result partition: a guaranteed minimum of segments reserved in the
 * {@link NetworkBufferPool} when the pool is created, plus segments borrowed from it up to a
 * maximum while it has unreserved ones free. Buffers handed out recycle back into this pool.
 *
 * <pre>
 *  producer ──requestBuffer()──> [free segments] ──new Buffer──> partition ──> consumer
 *      ▲  waits / availability future                                            │
 *      └──────────── recycle(): keep (guaranteed) or give back (borrowed) <──────┘
 * </pre>
 *
 * <p>Threading: requests come from the producing task's thread; recycling from consumer threads.
 * A recycle that finds a requester waiting (blocked in {@link #requestBufferBlocking()} or holding
 * the {@link #getAvailableFuture() availability future}) keeps the segment here and wakes it.
 * Otherwise a borrowed segment goes straight back to the global pool. Futures are completed
 * outside the lock, so their callbacks may call back into the pool.
 *
 * <p>After {@link #destroy()}, late recycles go straight to the global pool.
 */
public final class LocalBufferPool implements BufferProvider, BufferRecycler {

    private final NetworkBufferPool globalPool;
    private final int minSegments;
    private final int maxSegments;
    private final String ownerName;
    private final Object lock = new Object();

    // All fields below are guarded by lock.
    /** Segments free in this pool (guaranteed ones, or borrowed ones kept for a waiting requester). */
    private final ArrayDeque<MemorySegment> availableSegments;
    /** Borrowed segments this pool holds, free or inside buffers. */
    private int borrowedSegments;
    /** Threads blocked in requestBufferBlocking. */
    private int blockedRequesters;
    /** Pending availability future, or null if nobody asked since the last completion. */
    private CompletableFuture<Void> availableFuture;
    private boolean destroyed;

    /** Created by {@link NetworkBufferPool#createBufferPool} with its initial guaranteed segments. */
    LocalBufferPool(
            NetworkBufferPool globalPool,
            int minSegments,
            int maxSegments,
            String ownerName,
            ArrayDeque<MemorySegment> initialSegments) {
        this.globalPool = globalPool;
        this.minSegments = minSegments;
        this.maxSegments = maxSegments;
        this.ownerName = ownerName;
        this.availableSegments = initialSegments;
    }

    @Override
    public Buffer requestBuffer() {
        MemorySegment segment;
        synchronized (lock) {
            checkNotDestroyed();
            segment = takeSegmentLocked();
        }
        return segment == null ? null : new Buffer(segment, this);
    }

    @Override
    public Buffer requestBufferBlocking() throws InterruptedException {
        MemorySegment segment;
        synchronized (lock) {
            while (true) {
                checkNotDestroyed();
                segment = takeSegmentLocked();
                if (segment != null) {
                    break;
                }
                blockedRequesters++;
                try {
                    lock.wait();
                } finally {
                    blockedRequesters--;
                }
            }
        }
        return new Buffer(segment, this);
    }

    /** A free local segment, else a newly borrowed one if below the maximum; null if neither. */
    private MemorySegment takeSegmentLocked() {
        MemorySegment segment = availableSegments.poll();
        if (segment == null && minSegments + borrowedSegments < maxSegments) {
            segment = globalPool.tryBorrowSegment();
            if (segment != null) {
                borrowedSegments++;
            }
        }
        return segment;
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        synchronized (lock) {
            if (destroyed || !availableSegments.isEmpty()) {
                return AVAILABLE;
            }
            // Borrow ahead, so that a pool with borrowable segments never reports itself unavailable.
            MemorySegment borrowed = takeSegmentLocked();
            if (borrowed != null) {
                availableSegments.add(borrowed);
                return AVAILABLE;
            }
            if (availableFuture == null) {
                availableFuture = new CompletableFuture<>();
            }
            return availableFuture;
        }
    }

    /** Takes back the segment of a recycled buffer. Called by {@link Buffer#recycle()} from any thread. */
    @Override
    public void recycle(MemorySegment segment) {
        CompletableFuture<Void> toComplete = null;
        boolean returnBorrowed = false;
        boolean returnGuaranteed = false;
        synchronized (lock) {
            if (destroyed) {
                returnBorrowed = borrowedSegments > 0;
                returnGuaranteed = !returnBorrowed;
                if (returnBorrowed) {
                    borrowedSegments--;
                }
            } else if (borrowedSegments > 0 && blockedRequesters == 0 && availableFuture == null) {
                borrowedSegments--;
                returnBorrowed = true;
            } else {
                toComplete = addAvailableLocked(segment);
            }
        }
        if (returnBorrowed || returnGuaranteed) {
            globalPool.returnSegment(segment, returnBorrowed);
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    /** Receives a guaranteed segment that was still in use elsewhere when this pool was created. */
    void receiveOwedSegment(MemorySegment segment) {
        boolean giveBack;
        CompletableFuture<Void> toComplete = null;
        synchronized (lock) {
            giveBack = destroyed;
            if (!giveBack) {
                toComplete = addAvailableLocked(segment);
            }
        }
        if (giveBack) {
            globalPool.returnSegment(segment, false);
        } else if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    /** Adds a free segment, wakes a blocked requester and returns the future to complete, if any. */
    private CompletableFuture<Void> addAvailableLocked(MemorySegment segment) {
        availableSegments.add(segment);
        if (blockedRequesters > 0) {
            lock.notify();
        }
        CompletableFuture<Void> future = availableFuture;
        availableFuture = null;
        return future;
    }

    @Override
    public void destroy() {
        ArrayDeque<MemorySegment> toReturn;
        int borrowedToReturn;
        CompletableFuture<Void> toComplete;
        synchronized (lock) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            globalPool.releaseReservation(this, minSegments);
            toReturn = new ArrayDeque<>(availableSegments);
            availableSegments.clear();
            borrowedToReturn = Math.min(borrowedSegments, toReturn.size());
            borrowedSegments -= borrowedToReturn;
            toComplete = availableFuture;
            availableFuture = null;
            lock.notifyAll();
        }
        for (MemorySegment segment : toReturn) {
            globalPool.returnSegment(segment, borrowedToReturn-- > 0);
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    @Override
    public boolean isDestroyed() {
        synchronized (lock) {
            return destroyed;
        }
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("Buffer pool of " + ownerName + " is destroyed");
        }
    }

    public int getMinNumberOfSegments() {
        return minSegments;
    }

    public int getMaxNumberOfSegments() {
        return maxSegments;
    }

    /** Segments free in this pool right now (not counting ones it could still borrow). */
    public int getNumberOfAvailableSegments() {
        synchronized (lock) {
            return availableSegments.size();
        }
    }

    /** Borrowed segments this pool holds, free or in buffers. */
    public int getNumberOfBorrowedSegments() {
        synchronized (lock) {
            return borrowedSegments;
        }
    }

    @Override
    public String toString() {
        return "LocalBufferPool{" + ownerName + ", min=" + minSegments + ", max=" + maxSegments + "}";
    }
}
