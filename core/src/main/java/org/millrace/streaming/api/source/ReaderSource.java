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

    /**
     * A reader that continues from the splits readers of this source returned from
     * {@link SourceReader#snapshotState} (this subtask's share of them after a restore, possibly
     * none: then it has nothing left to read).
     */
    default SourceReader<T> restoreReader(int subtaskIndex, int parallelism, java.util.List<byte[]> splits)
            throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " cannot restore its readers' positions");
    }

    /** Largest parallelism the source supports (1 for non-parallel sources). */
    default int getMaxParallelism() {
        return Integer.MAX_VALUE;
    }
}
