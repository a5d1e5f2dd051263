package org.millrace.streaming.api.operators;

import java.util.function.LongSupplier;
import org.millrace.runtime.state.ttl.TtlStates;
import java.io.Serializable;
import java.util.Map;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.api.common.accumulators.DoubleCounter;
import org.millrace.api.common.accumulators.IntCounter;
import org.millrace.api.common.accumulators.LongCounter;
import org.millrace.api.common.functions.RuntimeContext;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyedStateBackendLoader;

/**
 * The {@link RuntimeContext} of one operator in one subtask. Accumulators go into the task's shared
 * map, which is reported to the JobManager when the task ends; keyed state is served by the
 * operator's keyed state backend, if it has one.
 */
public final class StreamingRuntimeContext implements RuntimeContext {

    private final String taskName;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final int attemptNumber;
    private final ClassLoader userCodeClassLoader;
    private final Map<String, Accumulator<?, ?>> accumulators;
    private KeyedStateBackend<?> keyedStateBackend;
    private KeyedStateBackendLoader keyedStateBackends = KeyedStateBackendLoader.HEAP;
    private TtlStates ttlStates;
    private LongSupplier ttlClock = System::currentTimeMillis;

    public StreamingRuntimeContext(
            String taskName, int subtaskIndex, int parallelism, int maxParallelism, int attemptNumber,
            ClassLoader userCodeClassLoader, Map<String, Accumulator<?, ?>> accumulators) {
        this.taskName = taskName;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.attemptNumber = attemptNumber;
        this.userCodeClassLoader = userCodeClassLoader;
        this.accumulators = accumulators;
    }

    /** Which backend keyed operators of this task create ({@code state.backend.type}); heap unless set. */
    public void setKeyedStateBackendLoader(KeyedStateBackendLoader loader) {
        this.keyedStateBackends = loader;
    }

    public KeyedStateBackendLoader getKeyedStateBackendLoader() {
        return keyedStateBackends;
    }

    /** Called by keyed operators before their function is opened. */
    public void setKeyedStateBackend(KeyedStateBackend<?> backend) {
        this.keyedStateBackend = backend;
    }

    /** The keyed state backend of the operator, or null if it is not keyed. */
    public KeyedStateBackend<?> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return subtaskIndex;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return maxParallelism;
    }

    @Override
    public int getAttemptNumber() {
        return attemptNumber;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists and cannot be added.");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return getOrCreate(name, IntCounter.class, new IntCounter());
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return getOrCreate(name, LongCounter.class, new LongCounter());
    }

    @Override
    public DoubleCounter getDoubleCounter(String name) {
        return getOrCreate(name, DoubleCounter.class, new DoubleCounter());
    }

    private <A extends Accumulator<?, ?>> A getOrCreate(String name, Class<A> type, A fresh) {
        Accumulator<?, ?> existing = accumulators.computeIfAbsent(name, n -> fresh);
        if (!type.isInstance(existing)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' is a "
                    + existing.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(existing);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateDescriptor) {
        return stateDescriptor.getTtlConfig().isEnabled() ? ttlStates(stateDescriptor.getName()).valueState(stateDescriptor)
                : keyedBackend(stateDescriptor.getName()).getValueState(stateDescriptor);
    }

    @Override
    public <T> org.millrace.api.common.state.ListState<T> getListState(
            org.millrace.api.common.state.ListStateDescriptor<T> stateDescriptor) {
        return stateDescriptor.getTtlConfig().isEnabled() ? ttlStates(stateDescriptor.getName()).listState(stateDescriptor)
                : org.millrace.runtime.state.KeyedStateViews.listState(keyedBackend(stateDescriptor.getName()), stateDescriptor);
    }

    @Override
    public <UK, UV> org.millrace.api.common.state.MapState<UK, UV> getMapState(
            org.millrace.api.common.state.MapStateDescriptor<UK, UV> stateDescriptor) {
        return stateDescriptor.getTtlConfig().isEnabled() ? ttlStates(stateDescriptor.getName()).mapState(stateDescriptor)
                : org.millrace.runtime.state.KeyedStateViews.mapState(keyedBackend(stateDescriptor.getName()), stateDescriptor);
    }

    @Override
    public <T> org.millrace.api.common.state.ReducingState<T> getReducingState(
            org.millrace.api.common.state.ReducingStateDescriptor<T> stateDescriptor) {
        return stateDescriptor.getTtlConfig().isEnabled() ? ttlStates(stateDescriptor.getName()).reducingState(stateDescriptor)
                : org.millrace.runtime.state.KeyedStateViews.reducingState(keyedBackend(stateDescriptor.getName()), stateDescriptor);
    }

    @Override
    public <IN, ACC, OUT> org.millrace.api.common.state.AggregatingState<IN, OUT> getAggregatingState(
            org.millrace.api.common.state.AggregatingStateDescriptor<IN, ACC, OUT> stateDescriptor) {
        return stateDescriptor.getTtlConfig().isEnabled() ? ttlStates(stateDescriptor.getName()).aggregatingState(stateDescriptor)
                : org.millrace.runtime.state.KeyedStateViews.aggregatingState(keyedBackend(stateDescriptor.getName()), stateDescriptor);
    }

    /** The states with time-to-live of this operator, created with the first of them. */
    private TtlStates ttlStates(String stateName) {
        if (ttlStates == null) {
            ttlStates = new TtlStates(keyedBackend(stateName), ttlClock);
        }
        return ttlStates;
    }

    /**
     * Removes the expired values of every state with time-to-live (a sweep over their keys);
     * operators call it before each checkpoint so that expired state is neither kept nor written.
     */
    public void removeExpiredState() throws Exception {
        if (ttlStates != null) {
            ttlStates.removeExpired();
        }
    }

    /** The processing-time clock state time-to-live counts in; tests set a hand-driven one before states are created. */
    public void setTtlClock(LongSupplier clock) {
        this.ttlClock = clock;
    }

    private KeyedStateBackend<?> keyedBackend(String stateName) {
        if (keyedStateBackend == null) {
            throw new UnsupportedOperationException("Keyed state is only available on a KeyedStream (after keyBy); '"
                    + stateName + "' was requested in " + taskName);
        }
        return keyedStateBackend;
    }
}
