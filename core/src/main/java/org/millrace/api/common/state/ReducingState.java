package org.millrace.api.common.state;

/**
 * A value per key (and window) that values are folded into with a reduce function: what a
 * trigger counts with, and what windows merge by reducing their values (see
 * {@code Trigger.OnMergeContext#mergePartitionedState}).
 */
public interface ReducingState<T> {

    /** The reduced value, or null if nothing was added since the last {@link #clear()}. */
    T get() throws Exception;

    /** Folds {@code value} into the current value. */
    void add(T value) throws Exception;

    void clear();
}
