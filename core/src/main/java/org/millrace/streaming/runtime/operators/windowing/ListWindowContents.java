package org.millrace.streaming.runtime.operators.windowing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A window's contents as all its elements, in arrival order, each with its timestamp (which
 * evictors need). The window function sees the values only.
 */
public final class ListWindowContents<T> implements WindowContents<T, List<TimestampedValue<T>>, T> {

    private static final long serialVersionUID = 1L;

    @Override
    public List<TimestampedValue<T>> add(List<TimestampedValue<T>> state, T value, StreamRecordTime time) {
        List<TimestampedValue<T>> list = state == null ? new ArrayList<>(4) : state;
        list.add(time.hasTimestamp() ? new TimestampedValue<>(value, time.timestamp()) : new TimestampedValue<>(value));
        return list;
    }

    @Override
    public List<TimestampedValue<T>> merge(List<TimestampedValue<T>> target, List<TimestampedValue<T>> source) {
        target.addAll(source);
        return target;
    }

    @Override
    public Iterable<T> result(List<TimestampedValue<T>> state) {
        return () -> new Iterator<>() {
            private final Iterator<TimestampedValue<T>> it = state.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next().getValue();
            }
        };
    }
}
