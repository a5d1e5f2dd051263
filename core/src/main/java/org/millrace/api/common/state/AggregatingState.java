package org.millrace.api.common.state;

/** Per key, an accumulator that inputs are added to with an aggregate function; {@link #get()} gives its result. */
public interface AggregatingState<IN, OUT> {

    /** The result of the accumulator, or null if nothing was added since the last {@link #clear()}. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;

    void clear();
}
