package org.millrace.api.common.eventtime;

/** Keeps the timestamp a record already has (from its source): the default of a {@link WatermarkStrategy}. */
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {

    @Override
    public long extractTimestamp(T element, long recordTimestamp) {
        return recordTimestamp;
    }
}
