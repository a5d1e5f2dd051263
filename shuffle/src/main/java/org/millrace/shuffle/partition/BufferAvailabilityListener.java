package org.millrace.shuffle.partition;

/**
 * How a subpartition tells its consumer that it has something to read. Called from the producer's
 * thread (or the thread failing the partition), never while the subpartition's lock is held.
 */
@FunctionalInterface
public interface BufferAvailabilityListener {

    /**
     * The subpartition went from empty to non-empty, or failed. Only called again after the
     * consumer has polled it empty ({@link BufferAndBacklog#isMoreAvailable()} false), so a
     * consumer must keep polling while more is available.
     */
    void notifyDataAvailable();
}
