package org.millrace.streaming.api.windowing.evictors;

import java.time.Duration;
import java.util.Iterator;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.operators.windowing.TimestampedValue;

/**
 * Keeps the elements of the last {@code windowSize} of event time in a window: drops those with a
 * timestamp below (largest timestamp in the window - windowSize). Elements without a timestamp
 * are kept.
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long max = Long.MIN_VALUE;
        boolean any = false;
        for (TimestampedValue<Object> e : elements) {
            if (e.hasTimestamp()) {
                any = true;
                max = Math.max(max, e.getTimestamp());
            }
        }
        if (!any) {
            return;
        }
        long cutoff = max - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            TimestampedValue<Object> e = it.next();
            if (e.hasTimestamp() && e.getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }
}
