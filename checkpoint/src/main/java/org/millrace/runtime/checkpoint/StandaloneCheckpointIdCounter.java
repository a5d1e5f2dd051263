package org.millrace.runtime.checkpoint;

import java.util.concurrent.atomic.AtomicLong;

/** Checkpoint ids counted in this JobManager's memory: for clusters without high availability. */
public final class StandaloneCheckpointIdCounter implements CheckpointIdCounter {

    private final AtomicLong next;

    public StandaloneCheckpointIdCounter(long next) {
        this.next = new AtomicLong(next);
    }

    @Override
    public long getAndIncrement() {
        return next.getAndIncrement();
    }

    @Override
    public void raiseTo(long atLeast) {
        next.accumulateAndGet(atLeast, Math::max);
    }
}
