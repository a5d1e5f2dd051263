package org.millrace.api.common.eventtime;

/** Gives each event its event-time timestamp (milliseconds since the epoch). */
@FunctionalInterface
public interface TimestampAssigner<T> {

    /** The value of {@code recordTimestamp} for a record that has no timestamp yet. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * @param recordTimestamp the timestamp the record carries already (e.g. from its source), or
     *     {@link #NO_TIMESTAMP}
     */
    long extractTimestamp(T element, long recordTimestamp);
}
