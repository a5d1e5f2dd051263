package org.millrace.runtime.executiongraph.failover;

import java.util.function.LongSupplier;

/** A millisecond clock that moves only when a test says so. */
final class ManualClock implements LongSupplier {

    private long now;

    ManualClock(long start) {
        this.now = start;
    }

    void advance(long millis) {
        now += millis;
    }

    @Override
    public long getAsLong() {
        return now;
    }
}
