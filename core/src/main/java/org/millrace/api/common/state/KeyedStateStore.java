package org.millrace.api.common.state;

/** Where a function gets keyed state from (the window's or the key's, in a process window function). */
public interface KeyedStateStore {

    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);
}
