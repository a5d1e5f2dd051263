package org.millrace.api.common.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How long the values of a keyed state live ({@link StateDescriptor#enableTimeToLive}): a value
 * expires {@code ttl} of processing time after its last write (or read, with {@link
 * UpdateType#OnReadAndWrite}); list elements and map entries expire one by one. Expired values
 * are never returned by default and are removed when they are next touched and, with either backend,
 * by a sweep over the state before each checkpoint (so {@link #cleanupFullSnapshot()} is always on).
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *         .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
 *         .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
 *         .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 */
public final class StateTtlConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** When the time-to-live of a value starts again. */
    public enum UpdateType {
        /** Never: time-to-live is off. */
        Disabled,
        /** When the value is created or written. */
        OnCreateAndWrite,
        /** When the value is created, written or read. */
        OnReadAndWrite
    }

    /** Whether an expired value that is still stored may be returned. */
    public enum StateVisibility {
        /** An expired value is never returned: reads behave as if it were gone. */
        NeverReturnExpired,
        /** An expired value is returned as long as it was not removed yet. */
        ReturnExpiredIfNotCleanedUp
    }

    /** Which clock time-to-live counts in; only processing time is offered, as in Flink. */
    public enum TtlTimeCharacteristic {
        ProcessingTime
    }

    /** Time-to-live off: what a descriptor has unless {@link StateDescriptor#enableTimeToLive} is called. */
    public static final StateTtlConfig DISABLED = new StateTtlConfig(UpdateType.Disabled,
            StateVisibility.NeverReturnExpired, Duration.ofMillis(Long.MAX_VALUE));

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final Duration ttl;

    private StateTtlConfig(UpdateType updateType, StateVisibility stateVisibility, Duration ttl) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttl = ttl;
    }

    /** A builder for values that live {@code ttl} (positive) after their last write. */
    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public Duration getTtl() {
        return ttl;
    }

    public TtlTimeCharacteristic getTtlTimeCharacteristic() {
        return TtlTimeCharacteristic.ProcessingTime;
    }

    @Override
    public String toString() {
        return isEnabled() ? "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", stateVisibility="
                + stateVisibility + "}" : "StateTtlConfig{disabled}";
    }

    /** Builds a {@link StateTtlConfig}; defaults: {@code OnCreateAndWrite}, {@code NeverReturnExpired}. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private Duration ttl;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("The time-to-live of state must be positive, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType");
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        /** Only processing time is offered; kept so Flink programs compile unchanged. */
        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
            Objects.requireNonNull(characteristic, "characteristic");
            return this;
        }

        public Builder useProcessingTime() {
            return this;
        }

        /** Expired values are left out of checkpoints; always the case here, kept for Flink programs. */
        public Builder cleanupFullSnapshot() {
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(updateType, stateVisibility, ttl);
        }
    }
}
