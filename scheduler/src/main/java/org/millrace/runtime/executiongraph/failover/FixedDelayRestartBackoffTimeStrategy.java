package org.millrace.runtime.executiongraph.failover;

/**
 * {@code restart-strategy.type: fixed-delay}: restarts up to a fixed number of times over the whole
 * life of the job, waiting the same delay before each restart; the failure after the last allowed
 * restart fails the job.
 */
public final class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final int maxAttempts;
    private final long delayMillis;
    private int failures;

    /**
     * @param maxAttempts restarts allowed, {@code >= 0}
     * @param delayMillis wait before each restart, {@code >= 0}
     */
    public FixedDelayRestartBackoffTimeStrategy(int maxAttempts, long delayMillis) {
        if (maxAttempts < 0 || delayMillis < 0) {
            throw new IllegalArgumentException("attempts and delay must be >= 0, got " + maxAttempts + " and " + delayMillis);
        }
        this.maxAttempts = maxAttempts;
        this.delayMillis = delayMillis;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        if (failures < Integer.MAX_VALUE) {
            failures++;
        }
    }

    @Override
    public boolean canRestart() {
        return failures <= maxAttempts;
    }

    @Override
    public long getBackoffTime() {
        return delayMillis;
    }

    @Override
    public String toString() {
        return "restart strategy 'fixed-delay' (" + maxAttempts + " restart attempts, delay "
                + delayMillis + " ms)";
    }
}
