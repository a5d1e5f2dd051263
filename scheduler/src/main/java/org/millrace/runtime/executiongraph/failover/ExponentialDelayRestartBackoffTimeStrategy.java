package org.millrace.runtime.executiongraph.failover;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * {@code restart-strategy.type: exponential-delay}: the wait before each restart grows by a
 * multiplier, from an initial backoff up to a maximum, so a job that keeps failing (an unavailable
 * external system, say) does not hammer the cluster, while a job that fails rarely restarts fast.
 *
 * <pre>
 * failure:   1st      2nd            3rd                 ...  (job runs longer than the
 * backoff:   initial  initial*mult   initial*mult^2 ... max    reset threshold: back to initial)
 * </pre>
 *
 * <p>Each backoff is spread by up to {@code ±jitterFactor} of itself (never beyond the maximum) so
 * that many jobs failing at once do not restart in lockstep. When the job has run for
 * {@code resetBackoffThreshold} since its last restart, the next failure starts over from the
 * initial backoff and the attempt count starts again at zero. The job fails once more than
 * {@code attemptsBeforeResetBackoff} restarts happened without such a reset.
 */
public final class ExponentialDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    /**
     * The strategy's settings, validated by {@link RestartBackoffTimeStrategyFactoryLoader} with the
     * offending key named; the constructor of the strategy only re-checks them.
     */
    public record Settings(long initialBackoffMillis, long maxBackoffMillis, double backoffMultiplier,
            long resetBackoffThresholdMillis, double jitterFactor, int attemptsBeforeResetBackoff) {

        public Settings {
            if (initialBackoffMillis < 1 || maxBackoffMillis < initialBackoffMillis || backoffMultiplier < 1.0
                    || resetBackoffThresholdMillis < 1 || jitterFactor < 0.0 || jitterFactor > 1.0
                    || attemptsBeforeResetBackoff < 1) {
                throw new IllegalArgumentException("invalid exponential-delay settings: " + this);
            }
        }
    }

    private final Settings settings;
    private final LongSupplier clock;
    private final DoubleSupplier random;

    /** Restarts since the last reset, counting the current failure. */
    private int attempts;
    /** Backoff before jitter for the current attempt; 0 before the first failure. */
    private long baseBackoff;
    /** Backoff with jitter handed out for the current attempt. */
    private long backoff;
    private long lastFailureTime;

    /**
     * @param clock milliseconds of a monotonic clock
     * @param random uniform values in {@code [0, 1)} for the jitter
     */
    public ExponentialDelayRestartBackoffTimeStrategy(Settings settings, LongSupplier clock, DoubleSupplier random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        long now = clock.getAsLong();
        if (attempts > 0 && now - (lastFailureTime + backoff) >= settings.resetBackoffThresholdMillis()) {
            attempts = 0;
        }
        if (attempts == 0) {
            baseBackoff = settings.initialBackoffMillis();
        } else {
            double grown = baseBackoff * settings.backoffMultiplier();
            baseBackoff = (long) Math.min(grown, settings.maxBackoffMillis());
        }
        if (attempts < Integer.MAX_VALUE) {
            attempts++;
        }
        backoff = withJitter(baseBackoff);
        lastFailureTime = now;
    }

    private long withJitter(long base) {
        if (settings.jitterFactor() == 0.0) {
            return base;
        }
        double offset = base * settings.jitterFactor() * (2.0 * random.getAsDouble() - 1.0);
        long jittered = Math.round(base + offset);
        return Math.max(0L, Math.min(jittered, settings.maxBackoffMillis()));
    }

    @Override
    public boolean canRestart() {
        return attempts <= settings.attemptsBeforeResetBackoff();
    }

    @Override
    public long getBackoffTime() {
        return backoff;
    }

    @Override
    public String toString() {
        return "restart strategy 'exponential-delay' (backoff " + settings.initialBackoffMillis() + " ms growing by "
                + settings.backoffMultiplier() + " up to " + settings.maxBackoffMillis() + " ms, at most "
                + settings.attemptsBeforeResetBackoff() + " attempts before the backoff resets after "
                + settings.resetBackoffThresholdMillis() + " ms without failure)";
    }
}
