package org.millrace.streaming.api.windowing.triggers;

import java.io.Serializable;
import org.millrace.api.common.state.ReducingState;
import org.millrace.api.common.state.ReducingStateDescriptor;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.streaming.api.windowing.windows.Window;

/**
 * Decides when a window is evaluated (fired) and when its contents are dropped (purged). Called
 * for every element added to a window and for every timer the trigger registered, always for one
 * key and one window; timers and state it uses through the {@link TriggerContext} are scoped to
 * both. {@link #clear} must remove what the trigger left for a window when the window ends.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** True if the trigger can be used with merging (session) windows. */
    public boolean canMerge() {
        return false;
    }

    /** Windows were merged into {@code window}; re-register what the trigger needs for it. */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException("This trigger does not support merging.");
    }

    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** Time, timers and state of the current key and window. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State of the current key and window. */
        <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> stateDescriptor);

        /** Reducing state of the current key and window (mergeable when windows merge). */
        <S> ReducingState<S> getPartitionedState(ReducingStateDescriptor<S> stateDescriptor);
    }

    /** The context of {@link #onMerge}: its window is the merged one. */
    public interface OnMergeContext extends TriggerContext {
        /**
         * Folds this state of the windows that were merged into the merged window's (a counting
         * trigger keeps counting across the merge); their values are removed.
         */
        <S> void mergePartitionedState(ReducingStateDescriptor<S> stateDescriptor) throws Exception;
    }
}
