package org.millrace.streaming.runtime.operators.windowing;

/** An element of a window with its timestamp, as evictors see it. */
public final class TimestampedValue<T> {

    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    public TimestampedValue(T value) {
        this(value, Long.MIN_VALUE, false);
    }

    public TimestampedValue(T value, long timestamp) {
        this(value, timestamp, true);
    }

    private TimestampedValue(T value, long timestamp, boolean hasTimestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = hasTimestamp;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    @Override
    public String toString() {
        return "TimestampedValue(" + value + (hasTimestamp ? " @ " + timestamp : "") + ")";
    }
}
