package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/** Windows of wall-clock time of {@code size} starting every {@code slide}. */
public class SlidingProcessingTimeWindows extends TimeWindowAssigner {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        super(false);
        if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("SlidingProcessingTimeWindows needs size > 0, slide > 0 and |offset| < slide");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis() % slide.toMillis());
    }

    @Override
    Collection<TimeWindow> windowsAt(long now) {
        return slidingWindows(now, size, slide, offset);
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
    }
}
