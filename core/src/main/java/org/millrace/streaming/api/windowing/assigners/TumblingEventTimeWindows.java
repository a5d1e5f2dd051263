package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/**
 * Fixed-size, non-overlapping event-time windows: {@code [start, start + size)} with
 * {@code start = floor((ts - offset) / size) * size + offset}. The few windows in use at a time
 * are cached, so assigning an element allocates nothing in the steady state.
 */
public class TumblingEventTimeWindows extends TimeWindowAssigner {

    private static final long serialVersionUID = 1L;
    private static final int CACHE = 8; // power of two

    private final long size;
    private final long offset;
    private transient List<TimeWindow>[] cache;

    protected TumblingEventTimeWindows(long size, long offset) {
        super(true);
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingEventTimeWindows needs 0 <= |offset| < size, got size " + size
                    + " and offset " + offset);
        }
        this.size = size;
        this.offset = offset;
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Override
    @SuppressWarnings("unchecked")
    Collection<TimeWindow> windowsAt(long timestamp) {
        long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
        if (cache == null) {
            cache = new List[CACHE];
        }
        int slot = (int) Math.floorMod(start / size, (long) CACHE);
        List<TimeWindow> cached = cache[slot];
        if (cached != null && cached.get(0).getStart() == start) {
            return cached;
        }
        List<TimeWindow> fresh = Collections.singletonList(new TimeWindow(start, start + size));
        cache[slot] = fresh;
        return fresh;
    }

    public long getSize() {
        return size;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
