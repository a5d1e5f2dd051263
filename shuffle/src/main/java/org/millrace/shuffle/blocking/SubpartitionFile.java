package org.millrace.shuffle.blocking;

import java.io.IOException;

/**
 * What a {@link BlockingSubpartitionView} reads: one subpartition's spill file with the counts its
 * producer recorded. Either the live subpartition of a partition in this process
 * ({@link BlockingSubpartition}) or a finished one found in storage through its index
 * ({@link StoredSubpartition}), so both are read by the same, credit-throttled view.
 */
interface SubpartitionFile {

    /** @throws IOException carrying the producer's failure if the file will never be readable */
    void checkNotFailed() throws IOException;

    /** Whether the producer finished the file; only then are the counts below final. */
    boolean isFinished();

    SpillFileReader openReader() throws IOException;

    /** Frames in the finished file, the end of partition included. */
    int frames();

    /** Data frames in the finished file. */
    int dataFrames();

    /** Length of the finished file. */
    long bytes();

    /** The view reading this file was released, after reading the end of partition or not. */
    void onViewReleased(BlockingSubpartitionView view, boolean consumedToEnd);
}
