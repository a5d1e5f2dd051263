package org.millrace.api.common.state;

/**
 * Applied to the state of every key that has one (for example by a keyed broadcast function when
 * a rule changes): {@code state} is scoped to {@code key} during the call.
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S> {

    void process(K key, S state) throws Exception;
}
