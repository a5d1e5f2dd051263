package org.millrace.runtime.state.ttl;

/**
 * A state value with the processing time it was last written (or read, if reads renew it): what a
 * state with time-to-live stores instead of the bare value, so expiry survives checkpoints.
 */
public record TtlValue<T>(T value, long lastAccessTimestamp) {

    /** Whether the value lived longer than {@code ttlMillis} by {@code now}. */
    public boolean isExpired(long ttlMillis, long now) {
        long expiresAt = lastAccessTimestamp + ttlMillis;
        // a ttl near Long.MAX_VALUE overflows: such values never expire
        return expiresAt >= lastAccessTimestamp && expiresAt <= now;
    }
}
