package org.millrace.api.common.eventtime;

import java.io.Serializable;

/** Creates the {@link TimestampAssigner} of each parallel instance; shipped with the job. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {

    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** A supplier that hands out {@code assigner} itself. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }

    /** What an assigner may know about where it runs (reserved for metrics). */
    interface Context {}
}
