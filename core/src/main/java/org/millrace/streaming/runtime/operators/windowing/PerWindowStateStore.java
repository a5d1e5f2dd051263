package org.millrace.streaming.runtime.operators.windowing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.api.common.state.ReducingState;
import org.millrace.api.common.state.ReducingStateDescriptor;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.NamespacedState;
import org.millrace.streaming.api.windowing.windows.Window;

/**
 * Keyed state scoped to the current key and to the window this store currently points at (the
 * trigger's or the window function's): what {@code TriggerContext.getPartitionedState} and
 * {@code ProcessWindowFunction.Context.windowState()} hand out. The states live in the keyed
 * backend with the window as namespace; reducing states can be merged when windows merge.
 */
final class PerWindowStateStore<K, W extends Window> implements KeyedStateStore {

    private final KeyedStateBackend<K> backend;
    private final Map<String, ValueState<?>> states = new HashMap<>();
    private final Map<String, WindowReducingState<?>> reducingStates = new HashMap<>();
    private W window;

    PerWindowStateStore(KeyedStateBackend<K> backend) {
        this.backend = backend;
    }

    void setWindow(W window) {
        this.window = window;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return (ValueState<T>) states.computeIfAbsent(descriptor.getName(),
                name -> new WindowValueState<T>(backend.<W, T>getNamespacedState("window-state:" + name)));
    }

    /** The reducing state {@code descriptor} of the current key and window. */
    @SuppressWarnings("unchecked")
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return (ReducingState<T>) reducingStates.computeIfAbsent(descriptor.getName(),
                name -> new WindowReducingState<T>(backend.<W, T>getNamespacedState("window-state:" + name),
                        descriptor.getReduceFunction()));
    }

    /**
     * Folds the values of {@code descriptor} in {@code sources} (windows that merged) into the
     * store's window and removes them from the sources.
     */
    <T> void mergeReducingState(ReducingStateDescriptor<T> descriptor, Collection<W> sources) throws Exception {
        WindowReducingState<T> state = (WindowReducingState<T>) getReducingState(descriptor);
        for (W source : sources) {
            T value = state.state.get(source);
            if (value != null) {
                state.state.clear(source);
                state.add(value);
            }
        }
    }

    /** A state of the backend seen through the store's window at the time of each call. */
    private abstract class WindowScopedState<T> {
        final NamespacedState<K, W, T> state;

        WindowScopedState(NamespacedState<K, W, T> state) {
            this.state = state;
        }

        /** The state, now pointing at the store's window. */
        final NamespacedState<K, W, T> inWindow() {
            state.setCurrentNamespace(window);
            return state;
        }

        public void clear() {
            inWindow().clear();
        }
    }

    /** A {@link ReducingState} whose namespace is the store's window at the time of each call. */
    private final class WindowReducingState<T> extends WindowScopedState<T> implements ReducingState<T> {
        private final ReduceFunction<T> reduceFunction;

        WindowReducingState(NamespacedState<K, W, T> state, ReduceFunction<T> reduceFunction) {
            super(state);
            this.reduceFunction = reduceFunction;
        }

        @Override
        public T get() {
            return inWindow().get();
        }

        @Override
        public void add(T value) throws Exception {
            NamespacedState<K, W, T> scoped = inWindow();
            T current = scoped.get();
            scoped.update(current == null ? value : reduceFunction.reduce(current, value));
        }
    }

    /** A {@link ValueState} whose namespace is the store's window at the time of each call. */
    private final class WindowValueState<T> extends WindowScopedState<T> implements ValueState<T> {
        WindowValueState(NamespacedState<K, W, T> state) {
            super(state);
        }

        @Override
        public T value() {
            return inWindow().get();
        }

        @Override
        public void update(T value) {
            inWindow().update(value);
        }
    }
}
