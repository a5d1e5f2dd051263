package org.millrace.api.common.functions;

import java.io.Serializable;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.api.common.accumulators.DoubleCounter;
import org.millrace.api.common.accumulators.IntCounter;
import org.millrace.api.common.accumulators.LongCounter;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;

/**
 * What a rich function knows about the subtask it runs in: its index and the operator's
 * parallelism, its accumulators, and (on keyed streams) its keyed state.
 */
public interface RuntimeContext {

    /** The name of the task (its chain of operators) this function runs in. */
    String getTaskName();

    /** This subtask's index in {@code [0, parallelism)}. */
    int getIndexOfThisSubtask();

    /** The operator's parallelism. */
    int getNumberOfParallelSubtasks();

    /** The operator's max parallelism, i.e. its number of key groups. */
    int getMaxNumberOfParallelSubtasks();

    /** How often this subtask has been restarted (0 on the first run). */
    int getAttemptNumber();

    ClassLoader getUserCodeClassLoader();

    /** Registers an accumulator under {@code name}; a name can be added once per subtask. */
    <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    /** The accumulator registered under {@code name}, or null. */
    <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name);

    /** The {@link IntCounter} named {@code name}, created and registered on first use. */
    IntCounter getIntCounter(String name);

    /** The {@link LongCounter} named {@code name}, created and registered on first use. */
    LongCounter getLongCounter(String name);

    /** The {@link DoubleCounter} named {@code name}, created and registered on first use. */
    DoubleCounter getDoubleCounter(String name);

    /**
     * Keyed state scoped to the key of the record being processed. Only available in functions
     * applied to a {@code KeyedStream}; elsewhere it throws an {@link UnsupportedOperationException}.
     */
    <T> ValueState<T> getState(ValueStateDescriptor<T> stateDescriptor);

    /** Keyed list state; like {@link #getState}, only on a {@code KeyedStream}. */
    <T> org.millrace.api.common.state.ListState<T> getListState(org.millrace.api.common.state.ListStateDescriptor<T> stateDescriptor);

    /** Keyed map state; like {@link #getState}, only on a {@code KeyedStream}. */
    <UK, UV> org.millrace.api.common.state.MapState<UK, UV> getMapState(
            org.millrace.api.common.state.MapStateDescriptor<UK, UV> stateDescriptor);

    /** Keyed reducing state; like {@link #getState}, only on a {@code KeyedStream}. */
    <T> org.millrace.api.common.state.ReducingState<T> getReducingState(
            org.millrace.api.common.state.ReducingStateDescriptor<T> stateDescriptor);

    /** Keyed aggregating state; like {@link #getState}, only on a {@code KeyedStream}. */
    <IN, ACC, OUT> org.millrace.api.common.state.AggregatingState<IN, OUT> getAggregatingState(
            org.millrace.api.common.state.AggregatingStateDescriptor<IN, ACC, OUT> stateDescriptor);
}
