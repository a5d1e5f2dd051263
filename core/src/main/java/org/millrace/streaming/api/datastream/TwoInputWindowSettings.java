package org.millrace.streaming.api.datastream;

import java.time.Duration;
import org.millrace.streaming.api.operators.co.TaggedUnion;
import org.millrace.streaming.api.windowing.evictors.Evictor;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.Window;

/**
 * The window settings that window joins and co-groups share (trigger, evictor, allowed lateness),
 * applied to the window operator over both inputs' tagged elements.
 *
 * @param <SELF> the concrete builder, returned by the setters
 */
abstract class TwoInputWindowSettings<T1, T2, K, W extends Window, SELF extends TwoInputWindowSettings<T1, T2, K, W, SELF>> {

    final WindowedStream<TaggedUnion<T1, T2>, K, W> windowed;

    TwoInputWindowSettings(WindowedStream<TaggedUnion<T1, T2>, K, W> windowed) {
        this.windowed = windowed;
    }

    @SuppressWarnings("unchecked")
    private SELF self() {
        return (SELF) this;
    }

    public SELF trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
        windowed.trigger(trigger);
        return self();
    }

    public SELF evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
        windowed.evictor(evictor);
        return self();
    }

    public SELF allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return self();
    }
}
