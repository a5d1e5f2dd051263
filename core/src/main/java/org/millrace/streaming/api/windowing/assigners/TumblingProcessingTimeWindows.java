package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/** Fixed-size, non-overlapping windows of wall-clock time at the moment an element is processed. */
public class TumblingProcessingTimeWindows extends TimeWindowAssigner {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    private TumblingProcessingTimeWindows(long size, long offset) {
        super(false);
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingProcessingTimeWindows needs 0 <= |offset| < size");
        }
        this.size = size;
        this.offset = offset;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Override
    Collection<TimeWindow> windowsAt(long now) {
        long start = TimeWindow.getWindowStartWithOffset(now, offset, size);
        return Collections.singletonList(new TimeWindow(start, start + size));
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ")";
    }
}
