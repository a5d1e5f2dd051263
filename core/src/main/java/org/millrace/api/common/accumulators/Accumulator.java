package org.millrace.api.common.accumulators;

import java.io.Serializable;

/**
 * A value that each subtask adds to locally and the JobManager merges across subtasks when the job
 * ends; the merged results come back in {@link org.millrace.api.common.JobExecutionResult}.
 *
 * @param <V> what is added
 * @param <R> the (serializable) result
 */
public interface Accumulator<V, R extends Serializable> extends Serializable, Cloneable {

    void add(V value);

    R getLocalValue();

    void resetLocal();

    /** Adds {@code other}'s local value into this one. */
    void merge(Accumulator<V, R> other);

    Accumulator<V, R> clone();
}
