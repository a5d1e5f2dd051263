package org.millrace.streaming.api.windowing.assigners;

import java.io.Serializable;
import java.util.Collection;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.Window;

/**
 * Puts each element into zero or more windows, from its timestamp (event time) or the wall clock
 * (processing time), and names the trigger windows get unless the program sets one. Called per
 * element in the task thread; an instance belongs to one operator instance.
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The windows of {@code element}.
     *
     * @param timestamp the element's timestamp, {@code Long.MIN_VALUE} if it has none
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    public abstract Trigger<T, W> getDefaultTrigger();

    /** True if windows are in event time (fired by watermarks, subject to lateness). */
    public abstract boolean isEventTime();

    /** What an assigner may ask while assigning. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }
}
