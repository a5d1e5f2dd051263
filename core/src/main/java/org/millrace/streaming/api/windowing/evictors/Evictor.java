package org.millrace.streaming.api.windowing.evictors;

import java.io.Serializable;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.operators.windowing.TimestampedValue;

/**
 * Removes elements from a window when it fires, before and/or after the window function runs:
 * remove through the iterator of {@code elements}. A window with an evictor keeps all its
 * elements (no incremental aggregation).
 */
public interface Evictor<T, W extends Window> extends Serializable {

    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Time as an evictor sees it. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
