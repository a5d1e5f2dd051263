package org.millrace.api.common.state;

import java.util.List;

/**
 * A list of values: per key in keyed state, or per operator instance in operator state (see
 * {@link OperatorStateStore}), where it is divided among the instances when the job is rescaled.
 */
public interface ListState<T> {

    /** The values, in the order they were added; empty, never null, if there are none. */
    Iterable<T> get() throws Exception;

    void add(T value) throws Exception;

    void addAll(List<T> values) throws Exception;

    /** Replaces the values with {@code values}. */
    void update(List<T> values) throws Exception;

    void clear();
}
