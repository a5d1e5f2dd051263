package org.millrace.runtime.checkpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completed checkpoints a job keeps ({@code state.checkpoints.num-retained}, newest last): adding
 * one beyond the limit discards the oldest, files and all. Recovery starts from the newest usable.
 * Not thread-safe: the coordinator owns it.
 */
public final class CompletedCheckpointStore {

    /** Deletes a checkpoint's files. */
    @FunctionalInterface
    public interface Discarder {
        void discard(CompletedCheckpoint checkpoint) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CompletedCheckpointStore.class);

    private final int maxRetained;
    private final Discarder discarder;
    private final Deque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();

    public CompletedCheckpointStore(int maxRetained, Discarder discarder) {
        if (maxRetained < 1) {
            throw new IllegalArgumentException("At least one checkpoint must be retained, got " + maxRetained);
        }
        this.maxRetained = maxRetained;
        this.discarder = discarder;
    }

    /** Keeps {@code checkpoint} (newer than all kept ones) and discards the oldest beyond the limit. */
    public void add(CompletedCheckpoint checkpoint) {
        CompletedCheckpoint newest = checkpoints.peekLast();
        if (newest != null && newest.checkpointId() >= checkpoint.checkpointId()) {
            throw new IllegalArgumentException("Checkpoint " + checkpoint.checkpointId() + " is not newer than "
                    + newest.checkpointId());
        }
        checkpoints.addLast(checkpoint);
        while (checkpoints.size() > maxRetained) {
            CompletedCheckpoint subsumed = checkpoints.removeFirst();
            try {
                discarder.discard(subsumed);
            } catch (Exception e) {
                LOG.warn("Could not discard subsumed checkpoint {} at {}: {}", subsumed.checkpointId(),
                        subsumed.directory(), e.toString());
            }
        }
    }

    public Optional<CompletedCheckpoint> latest() {
        return Optional.ofNullable(checkpoints.peekLast());
    }

    /** Oldest first. */
    public List<CompletedCheckpoint> all() {
        return List.copyOf(checkpoints);
    }
}
