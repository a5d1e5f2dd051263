package org.millrace.runtime.checkpoint;

/**
 * A checkpoint whose metadata is durably written: its directory (a file system URI) and what the
 * metadata says. Recovery restores from these only.
 */
public record CompletedCheckpoint(String directory, CheckpointMetadata metadata) {

    public long checkpointId() {
        return metadata.checkpointId();
    }
}
