package org.millrace.runtime.state.ttl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
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
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyedStateViews;

/**
 * Creates the keyed states of one operator whose descriptors enable time-to-live, over its keyed
 * state backend (any backend: values are stored stamped, as {@link TtlValue}s), and removes their
 * expired values in one sweep over every key ({@link #removeExpired()}), which operators run before
 * each checkpoint so that state nobody reads again does not grow without end. Value, reducing and
 * aggregating states expire as a whole; list elements and map entries one by one. Task thread only.
 */
public final class TtlStates {

    /** One state's stored form and how to drop its expired values for the current key. */
    private record Sweep<V>(ValueStateDescriptor<V> stored, ValueState<V> state, Cleanup<V> cleanup) {
        void removeExpired(KeyedStateBackend<?> backend, long now) throws Exception {
            backend.applyToAllKeys(stored, (key, ignored) -> {
                V value = state.value();
                if (value != null) {
                    V kept = cleanup.keep(value, now);
                    if (kept != value) {
                        state.update(kept);
                    }
                }
            });
        }
    }

    /** The part of {@code value} not expired at {@code now}: {@code value} itself if nothing expired, null if all did. */
    @FunctionalInterface
    private interface Cleanup<V> {
        V keep(V value, long now);
    }

    private final KeyedStateBackend<?> backend;
    private final LongSupplier clock;
    private final List<Sweep<?>> sweeps = new ArrayList<>();
    /** The states handed out, by name: asking again for a state returns the same one. */
    private final Map<String, Object> created = new java.util.HashMap<>();

    public TtlStates(KeyedStateBackend<?> backend, LongSupplier clock) {
        this.backend = backend;
        this.clock = clock;
    }

    public <T> ValueState<T> valueState(ValueStateDescriptor<T> descriptor) {
        return cached(descriptor.getName(), () -> {
            TtlPolicy policy = new TtlPolicy(descriptor.getTtlConfig(), clock);
            return new TtlValueState<>(stampedValues(descriptor.getName(), descriptor.getTypeInformation(), policy), policy);
        });
    }

    public <T> ReducingState<T> reducingState(ReducingStateDescriptor<T> descriptor) {
        return cached(descriptor.getName(), () -> {
            TtlPolicy policy = new TtlPolicy(descriptor.getTtlConfig(), clock);
            ValueState<T> values = new TtlValueState<>(
                    stampedValues(descriptor.getName(), descriptor.getTypeInformation(), policy), policy);
            return KeyedStateViews.reducingState(values, descriptor.getReduceFunction());
        });
    }

    public <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return cached(descriptor.getName(), () -> {
            TtlPolicy policy = new TtlPolicy(descriptor.getTtlConfig(), clock);
            ValueState<ACC> accumulators = new TtlValueState<>(
                    stampedValues(descriptor.getName(), descriptor.getAccumulatorTypeInformation(), policy), policy);
            return KeyedStateViews.aggregatingState(accumulators, descriptor.getAggregateFunction());
        });
    }

    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        return cached(descriptor.getName(), () -> {
            TtlPolicy policy = new TtlPolicy(descriptor.getTtlConfig(), clock);
            ValueStateDescriptor<List<TtlValue<T>>> stored = new ValueStateDescriptor<>(descriptor.getName(),
                    Types.LIST(new TtlTypeInfo<>(descriptor.getElementTypeInformation())));
            ValueState<List<TtlValue<T>>> lists = backend.getValueState(stored);
            sweeps.add(new Sweep<>(stored, lists, (list, now) -> {
                if (list.stream().noneMatch(element -> policy.isExpired(element, now))) {
                    return list;
                }
                List<TtlValue<T>> kept = new ArrayList<>(list);
                kept.removeIf(element -> policy.isExpired(element, now));
                return kept.isEmpty() ? null : kept;
            }));
            return new TtlListState<>(KeyedStateViews.listState(lists), policy);
        });
    }

    public <UK, UV> MapState<UK, UV> mapState(MapStateDescriptor<UK, UV> descriptor) {
        return cached(descriptor.getName(), () -> {
            TtlPolicy policy = new TtlPolicy(descriptor.getTtlConfig(), clock);
            ValueStateDescriptor<Map<UK, TtlValue<UV>>> stored = new ValueStateDescriptor<>(descriptor.getName(),
                    Types.MAP(descriptor.getKeyTypeInformation(), new TtlTypeInfo<>(descriptor.getValueTypeInformation())));
            ValueState<Map<UK, TtlValue<UV>>> maps = backend.getValueState(stored);
            sweeps.add(new Sweep<>(stored, maps, (map, now) -> {
                if (map.values().stream().noneMatch(entry -> policy.isExpired(entry, now))) {
                    return map;
                }
                Map<UK, TtlValue<UV>> kept = new java.util.HashMap<>(map);
                kept.values().removeIf(entry -> policy.isExpired(entry, now));
                return kept.isEmpty() ? null : kept;
            }));
            return new TtlMapState<>(KeyedStateViews.mapState(maps), policy);
        });
    }

    /** The state called {@code name} created before, else the one {@code create} makes. */
    @SuppressWarnings("unchecked")
    private <S> S cached(String name, java.util.function.Supplier<S> create) {
        Object existing = created.get(name);
        if (existing == null) {
            existing = create.get();
            created.put(name, existing);
        }
        return (S) existing;
    }

    private <T> ValueState<TtlValue<T>> stampedValues(String name, TypeInformation<T> type, TtlPolicy policy) {
        ValueStateDescriptor<TtlValue<T>> stored = new ValueStateDescriptor<>(name, new TtlTypeInfo<>(type));
        ValueState<TtlValue<T>> values = backend.getValueState(stored);
        sweeps.add(new Sweep<>(stored, values, (value, now) -> policy.isExpired(value, now) ? null : value));
        return values;
    }

    /**
     * Removes every expired value of every state created here, visiting each key that has a value;
     * the backend's current key afterwards is arbitrary (the caller sets it before the next record).
     */
    public void removeExpired() throws Exception {
        long now = clock.getAsLong();
        for (Sweep<?> sweep : sweeps) {
            sweep.removeExpired(backend, now);
        }
    }
}
