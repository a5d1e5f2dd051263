package org.millrace.runtime.state.ttl;

import java.util.function.LongSupplier;
import org.millrace.api.common.state.StateTtlConfig;

/**
 * A state's {@link StateTtlConfig} applied with a clock: stamps values, tells expired ones, and
 * says whether a read renews a value and whether an expired one may still be returned. Shared by
 * the value, list and map decorators.
 */
final class TtlPolicy {

    private final long ttlMillis;
    private final boolean renewOnRead;
    private final boolean returnExpired;
    private final LongSupplier clock;

    TtlPolicy(StateTtlConfig config, LongSupplier clock) {
        if (!config.isEnabled()) {
            throw new IllegalArgumentException("Time-to-live is not enabled in " + config);
        }
        this.ttlMillis = config.getTtl().toMillis();
        this.renewOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    <T> TtlValue<T> stamp(T value) {
        return new TtlValue<>(value, clock.getAsLong());
    }

    boolean isExpired(TtlValue<?> value, long now) {
        return value.isExpired(ttlMillis, now);
    }

    boolean renewOnRead() {
        return renewOnRead;
    }

    boolean returnExpired() {
        return returnExpired;
    }
}
