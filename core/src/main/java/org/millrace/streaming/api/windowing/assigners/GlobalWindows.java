package org.millrace.streaming.api.windowing.assigners;

import java.util.Collection;
import java.util.Collections;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.triggers.TriggerResult;
import org.millrace.streaming.api.windowing.windows.GlobalWindow;

/**
 * Puts every element of a key into the one {@link GlobalWindow}. Its default trigger never fires,
 * so it is used with a trigger of the program's own, such as a count trigger ({@code countWindow}).
 */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;
    private static final Collection<GlobalWindow> WINDOWS = Collections.singletonList(GlobalWindow.get());

    private GlobalWindows() {}

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return WINDOWS;
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return new NeverTrigger();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows()";
    }

    /** The default trigger of {@link GlobalWindows}: never fires. */
    public static class NeverTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {}

        @Override
        public void onMerge(GlobalWindow window, OnMergeContext ctx) {}
    }
}
