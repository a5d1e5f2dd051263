package org.millrace.runtime.executiongraph.failover;

import java.util.function.LongSupplier;

/**
 * {@code restart-strategy.type: failure-rate}: restarts after a fixed delay as long as at most
 * {@code maxFailuresPerInterval} failures happened within the last {@code interval}; the failure
 * that exceeds the rate fails the job. The last failure times are kept in a ring buffer of that
 * size, so the check is O(1) and allocation-free.
 */
public final class FailureRateRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final LongSupplier clock;
    private final int maxFailuresPerInterval;
    private final long intervalMillis;
    private final long delayMillis;
    /** Times of the most recent failures; the oldest is at {@link #next} once the buffer is full. */
    private final long[] failureTimes;
    private int recorded;
    private int next;

    /**
     * @param clock milliseconds of a monotonic clock
     * @param maxFailuresPerInterval failures tolerated within one interval, {@code >= 1}
     * @param intervalMillis length of the sliding window, {@code >= 1}
     * @param delayMillis wait before each restart, {@code >= 0}
     */
    public FailureRateRestartBackoffTimeStrategy(LongSupplier clock, int maxFailuresPerInterval, long intervalMillis, long delayMillis) {
        if (maxFailuresPerInterval < 1 || intervalMillis < 1 || delayMillis < 0) {
            throw new IllegalArgumentException("need failures >= 1, interval >= 1 ms, delay >= 0 ms; got "
                    + maxFailuresPerInterval + ", " + intervalMillis + ", " + delayMillis);
        }
        this.clock = clock;
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.intervalMillis = intervalMillis;
        this.delayMillis = delayMillis;
        this.failureTimes = new long[maxFailuresPerInterval + 1];
    }

    @Override
    public void notifyFailure(Throwable cause) {
        failureTimes[next] = clock.getAsLong();
        next = (next + 1) % failureTimes.length;
        if (recorded < failureTimes.length) {
            recorded++;
        }
    }

    /** False once {@code maxFailuresPerInterval + 1} failures fall within one interval. */
    @Override
    public boolean canRestart() {
        if (recorded < failureTimes.length) {
            return true;
        }
        long oldest = failureTimes[next];
        long newest = failureTimes[(next + failureTimes.length - 1) % failureTimes.length];
        return newest - oldest >= intervalMillis;
    }

    @Override
    public long getBackoffTime() {
        return delayMillis;
    }

    @Override
    public String toString() {
        return "restart strategy 'failure-rate' (at most " + maxFailuresPerInterval + " failures per "
                + intervalMillis + " ms, delay " + delayMillis + " ms)";
    }
}
