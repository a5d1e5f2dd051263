package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/**
 * Event-time windows of {@code size} starting every {@code slide}: an element belongs to
 * {@code size / slide} windows (rounded up), latest start first.
 */
public class SlidingEventTimeWindows extends TimeWindowAssigner {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        super(true);
        if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("SlidingEventTimeWindows needs size > 0, slide > 0 and |offset| < slide");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis() % slide.toMillis());
    }

    @Override
    Collection<TimeWindow> windowsAt(long timestamp) {
        return slidingWindows(timestamp, size, slide, offset);
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
    }
}
