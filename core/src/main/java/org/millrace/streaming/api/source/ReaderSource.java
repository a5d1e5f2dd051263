package org.millrace.streaming.api.source;

import java.io.Serializable;

/**
 * A source whose work is divided among its parallel subtasks when the job starts (each subtask
 * knows its share from its index and the parallelism). Bounded sources end the job when every
 * subtask has read its share.
 */
public interface ReaderSource<T> extends Serializable {

    boolean isBounded();

    SourceReader<T> createReader(int subtaskIndex, int parallelism) throws Exception;

    /** Largest parallelism the source supports (1 for non-parallel sources). */
    default int getMaxParallelism() {
        return Integer.MAX_VALUE;
    }
}
