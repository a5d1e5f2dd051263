package org.millrace.streaming.api.windowing.windows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.millrace.streaming.api.windowing.assigners.MergingWindowAssigner;

/** The time interval {@code [start, end)} in milliseconds; its max timestamp is {@code end - 1}. */
public final class TimeWindow extends Window {

    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** True if the two windows overlap or touch. */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window covering both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of size {@code windowSize} (shifted by {@code offset}) that holds
     * {@code timestamp}; correct for negative timestamps too.
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /**
     * Merges overlapping (or touching) windows, as session windows need: sorts by start, sweeps,
     * and reports every group of two or more windows with its cover.
     */
    public static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Long.compare(a.start, b.start));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow w : sorted) {
            if (cover == null) {
                cover = w;
                group.add(w);
            } else if (cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
            } else {
                report(group, cover, callback);
                group = new ArrayList<>();
                group.add(w);
                cover = w;
            }
        }
        if (cover != null) {
            report(group, cover, callback);
        }
    }

    private static void report(List<TimeWindow> group, TimeWindow cover, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        long h = (start + end) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }

}
