package org.millrace.shuffle.buffer;

import java.io.IOException;
import java.util.ArrayDeque;
import org.millrace.core.memory.MemorySegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed set of off-heap memory segments a TaskExecutor uses for network data, allocated once
 * up front so that no exchange can make the process allocate without bound. Tasks never take
 * segments from here directly: each result partition gets a {@link LocalBufferPool} from
 * {@link #createBufferPool}.
 *
 * <h2>Reservations and borrowing</h2>
 *
 * <pre>
 *   total T = reserved R (sum of every local pool's guaranteed minimum) + floating (T - R)
 *   a local pool may hold: its minimum (always) + borrowed segments (only while B &lt; T - R)
 * </pre>
 *
 * A pool's minimum is reserved when it is created, or creation fails fast with an
 * {@link IOException} naming the configuration to raise. Borrowed segments come back here as soon
 * as their buffer is recycled and nobody in the borrowing pool is waiting.
 *
 * <p>Pitfall: a minimum can be reserved while its segments are still out as borrowed buffers of
 * other pools. The new pool is then <em>owed</em> those segments and receives them before anybody
 * can borrow again; until then its requests wait like any other backpressured request.
 *
 * <p>Thread-safe. Lock order: a {@link LocalBufferPool}'s lock may be held while calling into this
 * class, never the reverse.
 */
public final class NetworkBufferPool {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkBufferPool.class);

    /** Configuration keys named when the pool is too small (declared with the TaskManager options). */
    static final String NETWORK_MEMORY_KEYS =
            "taskmanager.memory.network.max (or taskmanager.memory.network.fraction)";

    static final String SEGMENT_SIZE_KEY = "taskmanager.memory.segment-size";

    private final int totalSegments;
    private final int segmentSize;
    private final Object lock = new Object();

    // All fields below are guarded by lock.
    private final ArrayDeque<MemorySegment> freeSegments;
    /** One entry per guaranteed segment a pool has reserved but not yet received. */
    private final ArrayDeque<LocalBufferPool> owedPools = new ArrayDeque<>();
    private int reservedSegments;
    private int borrowedSegments;
    private int maxSegmentsEverInUse;
    private boolean destroyed;

    /**
     * Allocates all {@code numberOfSegments} off-heap segments of {@code segmentSize} bytes now.
     *
     * @throws IllegalArgumentException if either argument is not positive
     */
    public NetworkBufferPool(int numberOfSegments, int segmentSize) {
        if (numberOfSegments <= 0 || segmentSize <= 0) {
            throw new IllegalArgumentException("Need a positive number of segments and segment size, got "
                    + numberOfSegments + " segments of " + segmentSize + " bytes");
        }
        this.totalSegments = numberOfSegments;
        this.segmentSize = segmentSize;
        this.freeSegments = new ArrayDeque<>(numberOfSegments);
        for (int i = 0; i < numberOfSegments; i++) {
            freeSegments.add(MemorySegment.allocateOffHeap(segmentSize));
        }
        LOG.info("Allocated {} network buffers of {} bytes ({} MiB off-heap)",
                numberOfSegments, segmentSize, ((long) numberOfSegments * segmentSize) >> 20);
    }

    /**
     * Creates a local pool that is guaranteed {@code minSegments} segments and may borrow up to
     * {@code maxSegments} in total while unreserved segments are free.
     *
     * @param ownerName who the pool is for (a task and partition), used in errors and logs
     * @throws IOException if {@code minSegments} more segments cannot be reserved; the message says
     *     how many were required and available and which configuration keys to raise
     */
    public LocalBufferPool createBufferPool(int minSegments, int maxSegments, String ownerName) throws IOException {
        if (minSegments < 1 || maxSegments < minSegments) {
            throw new IllegalArgumentException(
                    "Buffer pool of " + ownerName + " needs 1 <= min <= max, got min=" + minSegments + ", max=" + maxSegments);
        }
        synchronized (lock) {
            if (destroyed) {
                throw new IllegalStateException("Network buffer pool is destroyed; cannot create a pool for " + ownerName);
            }
            int unreserved = totalSegments - reservedSegments;
            if (minSegments > unreserved) {
                throw new IOException("Insufficient number of network buffers: " + ownerName + " requires "
                        + minSegments + " buffers, but only " + unreserved + " of " + totalSegments
                        + " are available (segments of " + segmentSize + " bytes). Increase "
                        + NETWORK_MEMORY_KEYS + ", or decrease " + SEGMENT_SIZE_KEY + " to get more buffers.");
            }
            reservedSegments += minSegments;
            ArrayDeque<MemorySegment> initial = new ArrayDeque<>(maxSegments);
            int owed = 0;
            while (initial.size() + owed < minSegments) {
                MemorySegment segment = freeSegments.poll();
                if (segment != null) {
                    initial.add(segment);
                } else {
                    owed++;
                }
            }
            recordUsageLocked();
            LocalBufferPool pool = new LocalBufferPool(this, minSegments, maxSegments, ownerName, initial);
            for (int i = 0; i < owed; i++) {
                owedPools.add(pool);
            }
            if (owed > 0) {
                LOG.debug("Buffer pool of {} waits for {} of its guaranteed segments to be recycled", ownerName, owed);
            }
            return pool;
        }
    }

    /** A free unreserved segment for a pool above its minimum, or null if none may be borrowed now. */
    MemorySegment tryBorrowSegment() {
        synchronized (lock) {
            if (borrowedSegments >= totalSegments - reservedSegments) {
                return null;
            }
            MemorySegment segment = freeSegments.poll();
            if (segment != null) {
                borrowedSegments++;
                recordUsageLocked();
            }
            return segment;
        }
    }

    /**
     * Takes a segment back from a local pool (recycled or freed on destroy). Pools owed a guaranteed
     * segment get it first.
     */
    void returnSegment(MemorySegment segment, boolean borrowed) {
        LocalBufferPool owedPool;
        synchronized (lock) {
            if (borrowed) {
                borrowedSegments--;
            }
            owedPool = owedPools.poll();
            if (owedPool == null) {
                freeSegments.add(segment);
            }
        }
        if (owedPool != null) {
            owedPool.receiveOwedSegment(segment);
        }
    }

    /** Ends a local pool's reservation; its segments come back through {@link #returnSegment}. */
    void releaseReservation(LocalBufferPool pool, int minSegments) {
        synchronized (lock) {
            reservedSegments -= minSegments;
            owedPools.removeIf(p -> p == pool);
        }
    }

    private void recordUsageLocked() {
        int inUse = totalSegments - freeSegments.size();
        if (inUse > maxSegmentsEverInUse) {
            maxSegmentsEverInUse = inUse;
        }
    }

    public int getTotalNumberOfSegments() {
        return totalSegments;
    }

    public int getSegmentSize() {
        return segmentSize;
    }

    /** Segments currently held by local pools (free in them or inside buffers). */
    public int getNumberOfSegmentsInUse() {
        synchronized (lock) {
            return totalSegments - freeSegments.size();
        }
    }

    /** The high-water mark of {@link #getNumberOfSegmentsInUse()}. */
    public int getMaxSegmentsEverInUse() {
        synchronized (lock) {
            return maxSegmentsEverInUse;
        }
    }

    /** Sum of the guaranteed minimums of all live local pools. */
    public int getNumberOfReservedSegments() {
        synchronized (lock) {
            return reservedSegments;
        }
    }

    /**
     * Marks the pool closed for new local pools; called when the TaskExecutor shuts down, after its
     * pools are destroyed. Segments still in use are reported: they indicate a buffer leak. The
     * off-heap memory is freed when the pool becomes unreachable.
     */
    public void destroy() {
        int inUse;
        synchronized (lock) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            inUse = totalSegments - freeSegments.size();
            owedPools.clear();
        }
        if (inUse > 0) {
            LOG.warn("Network buffer pool destroyed while {} of {} segments are still in use", inUse, totalSegments);
        }
    }

    public boolean isDestroyed() {
        synchronized (lock) {
            return destroyed;
        }
    }
}
