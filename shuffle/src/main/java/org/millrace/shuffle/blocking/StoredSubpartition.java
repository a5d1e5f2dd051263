package org.millrace.shuffle.blocking;

import java.io.IOException;

/**
 * A subpartition of a finished partition found in storage, described by the partition's index:
 * always finished, never failed, and reading it deletes nothing (the job's cleanup does).
 */
final class StoredSubpartition implements SubpartitionFile {

    private final SpillStorage storage;
    private final String path;
    private final int frames;
    private final int dataFrames;
    private final long bytes;

    StoredSubpartition(SpillStorage storage, String path, int frames, int dataFrames, long bytes) {
        this.storage = storage;
        this.path = path;
        this.frames = frames;
        this.dataFrames = dataFrames;
        this.bytes = bytes;
    }

    @Override
    public void checkNotFailed() {}

    @Override
    public boolean isFinished() {
        return true;
    }

    @Override
    public SpillFileReader openReader() throws IOException {
        return new SpillFileReader(storage, path);
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public int dataFrames() {
        return dataFrames;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void onViewReleased(BlockingSubpartitionView view, boolean consumedToEnd) {}

    @Override
    public String toString() {
        return "StoredSubpartition{" + path + "}";
    }
}
