package org.millrace.streaming.api.windowing.assigners;

import java.io.Serializable;

/** The session gap of an element, for session windows whose gap depends on the data. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {

    /** The gap in milliseconds; must be positive. */
    long extract(T element);
}
