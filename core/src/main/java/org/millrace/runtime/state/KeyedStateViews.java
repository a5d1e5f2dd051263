package org.millrace.runtime.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.state.AggregatingState;
import org.millrace.api.common.state.AggregatingStateDescriptor;
import org.millrace.api.common.state.ListState;
import org.millrace.api.common.state.ListStateDescriptor;
import org.millrace.api.common.state.MapState;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReducingState;
import org.millrace.api.common.state.ReducingStateDescriptor;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;

/**
 * The list, map, reducing and aggregating keyed states, each one value state of the backend
 * holding the key's list, map, reduced value or accumulator — so they are snapshotted, restored and
 * redistributed by key group like every value state. Used by the task thread only.
 */
public final class KeyedStateViews {

    private KeyedStateViews() {}

    public static <T> ListState<T> listState(KeyedStateBackend<?> backend, ListStateDescriptor<T> descriptor) {
        return listState(backend.getValueState(new ValueStateDescriptor<>(descriptor.getName(),
                Types.LIST(descriptor.getElementTypeInformation()))));
    }

    /** A list state over the value state holding each key's list. */
    public static <T> ListState<T> listState(ValueState<List<T>> lists) {
        return new ListState<>() {
            @Override
            public Iterable<T> get() throws Exception {
                List<T> list = lists.value();
                return list == null ? List.of() : Collections.unmodifiableList(list);
            }

            @Override
            public void add(T value) throws Exception {
                addAll(List.of(value));
            }

            @Override
            public void addAll(List<T> values) throws Exception {
                List<T> list = lists.value();
                if (list == null) {
                    list = new ArrayList<>();
                }
                list.addAll(values);
                lists.update(list);
            }

            @Override
            public void update(List<T> values) throws Exception {
                lists.update(values.isEmpty() ? null : new ArrayList<>(values));
            }

            @Override
            public void clear() {
                lists.clear();
            }
        };
    }

    public static <UK, UV> MapState<UK, UV> mapState(KeyedStateBackend<?> backend, MapStateDescriptor<UK, UV> descriptor) {
        return mapState(backend.getValueState(new ValueStateDescriptor<>(descriptor.getName(),
                Types.MAP(descriptor.getKeyTypeInformation(), descriptor.getValueTypeInformation()))));
    }

    /** A map state over the value state holding each key's map. */
    public static <UK, UV> MapState<UK, UV> mapState(ValueState<Map<UK, UV>> maps) {
        return new MapState<>() {
            private Map<UK, UV> read() throws Exception {
                Map<UK, UV> map = maps.value();
                return map == null ? Map.of() : map;
            }

            private Map<UK, UV> writable() throws Exception {
                Map<UK, UV> map = maps.value();
                return map == null ? new HashMap<>() : map;
            }

            @Override
            public UV get(UK key) throws Exception {
                return read().get(key);
            }

            // every change is written back: a backend that stores bytes (RocksDB) does not see in-place changes
            @Override
            public void put(UK key, UV value) throws Exception {
                Map<UK, UV> map = writable();
                map.put(key, value);
                maps.update(map);
            }

            @Override
            public void putAll(Map<UK, UV> entries) throws Exception {
                Map<UK, UV> map = writable();
                map.putAll(entries);
                maps.update(map);
            }

            @Override
            public void remove(UK key) throws Exception {
                Map<UK, UV> map = maps.value();
                if (map != null) {
                    map.remove(key);
                    if (map.isEmpty()) {
                        maps.clear();
                    } else {
                        maps.update(map);
                    }
                }
            }

            @Override
            public boolean contains(UK key) throws Exception {
                return read().containsKey(key);
            }

            @Override
            public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
                return Collections.unmodifiableMap(read()).entrySet();
            }

            @Override
            public Iterable<UK> keys() throws Exception {
                return Collections.unmodifiableMap(read()).keySet();
            }

            @Override
            public Iterable<UV> values() throws Exception {
                return Collections.unmodifiableMap(read()).values();
            }

            @Override
            public boolean isEmpty() throws Exception {
                return read().isEmpty();
            }

            @Override
            public void clear() {
                maps.clear();
            }
        };
    }

    public static <T> ReducingState<T> reducingState(KeyedStateBackend<?> backend, ReducingStateDescriptor<T> descriptor) {
        return reducingState(backend.getValueState(new ValueStateDescriptor<>(descriptor.getName(), descriptor.getTypeInformation())),
                descriptor.getReduceFunction());
    }

    /** A reducing state over the value state holding each key's reduced value. */
    public static <T> ReducingState<T> reducingState(ValueState<T> values, ReduceFunction<T> reduce) {
        return new ReducingState<>() {
            @Override
            public T get() throws Exception {
                return values.value();
            }

            @Override
            public void add(T value) throws Exception {
                T current = values.value();
                values.update(current == null ? value : reduce.reduce(current, value));
            }

            @Override
            public void clear() {
                values.clear();
            }
        };
    }

    public static <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(KeyedStateBackend<?> backend,
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return aggregatingState(backend.getValueState(new ValueStateDescriptor<>(descriptor.getName(),
                descriptor.getAccumulatorTypeInformation())), descriptor.getAggregateFunction());
    }

    /** An aggregating state over the value state holding each key's accumulator. */
    public static <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(ValueState<ACC> accumulators,
            AggregateFunction<IN, ACC, OUT> function) {
        return new AggregatingState<>() {
            @Override
            public OUT get() throws Exception {
                ACC accumulator = accumulators.value();
                return accumulator == null ? null : function.getResult(accumulator);
            }

            @Override
            public void add(IN value) throws Exception {
                ACC accumulator = accumulators.value();
                accumulators.update(function.add(value, accumulator == null ? function.createAccumulator() : accumulator));
            }

            @Override
            public void clear() {
                accumulators.clear();
            }
        };
    }
}
