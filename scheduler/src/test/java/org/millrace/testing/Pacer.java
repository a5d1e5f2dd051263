package org.millrace.testing;

import java.io.Serializable;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces user code of the test programs to at most a given number of calls per second: each
 * {@link #awaitSlot()} parks until its slot comes. After a pause of more than a second it starts
 * afresh instead of catching up in a burst. Part of a function's serialized fields; the schedule
 * starts with the first call in the task.
 */
public final class Pacer implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MAX_LAG_NANOS = 1_000_000_000L;

    private final long nanosPerCall;
    private transient long nextSlot;

    public Pacer(int callsPerSecond) {
        this.nanosPerCall = 1_000_000_000L / callsPerSecond;
    }

    /** Returns once this call's slot, {@code 1 / callsPerSecond} seconds after the previous one's, has come. */
    public void awaitSlot() {
        long now = System.nanoTime();
        if (nextSlot == 0 || now - nextSlot > MAX_LAG_NANOS) {
            nextSlot = now;
        }
        nextSlot += nanosPerCall;
        long wait = nextSlot - now;
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = nextSlot - System.nanoTime();
        }
    }
}
