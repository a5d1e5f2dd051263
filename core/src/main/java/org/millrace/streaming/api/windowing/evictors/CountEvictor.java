package org.millrace.streaming.api.windowing.evictors;

import java.util.Iterator;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.operators.windowing.TimestampedValue;

/** Keeps at most {@code maxCount} elements in a window, dropping the oldest (first added). */
public class CountEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    /** Evicts before the window function. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    /** Evicts after the window function if {@code doEvictAfter}, else before. */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        if (size <= maxCount) {
            return;
        }
        long toEvict = size - maxCount;
        Iterator<TimestampedValue<Object>> it = elements.iterator();
        for (long evicted = 0; evicted < toEvict && it.hasNext(); evicted++) {
            it.next();
            it.remove();
        }
    }
}
