package org.millrace.api.common.state;

import java.io.IOException;

/** One value per key, scoped to the key of the current record. */
public interface ValueState<T> {

    /** The value for the current key, or the descriptor's default (null unless set). */
    T value() throws IOException;

    void update(T value) throws IOException;

    /** Removes the value for the current key. */
    void clear();
}
