package org.millrace.streaming.runtime.operators.windowing;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A reusable one-element {@link Iterable}: how a pre-aggregated window hands its single value to
 * the window function without allocating per firing. Not thread-safe; valid until the next {@link #of}.
 */
final class SingleValueIterable<T> implements Iterable<T>, Iterator<T> {

    private T value;
    private boolean consumed = true;

    SingleValueIterable<T> of(T newValue) {
        this.value = newValue;
        this.consumed = false;
        return this;
    }

    @Override
    public Iterator<T> iterator() {
        consumed = false;
        return this;
    }

    @Override
    public boolean hasNext() {
        return !consumed;
    }

    @Override
    public T next() {
        if (consumed) {
            throw new NoSuchElementException();
        }
        consumed = true;
        return value;
    }
}
