package org.millrace.runtime.checkpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completed checkpoints a job keeps ({@code state.checkpoints.num-retained}, newest last): adding
 * one beyond the limit discards the oldest, files and all — and those of its shared files (incremental
 * checkpoints) that no retained checkpoint uses, counted by a {@link SharedStateRegistry}. Recovery
 * starts from the newest usable. Not thread-safe: the coordinator owns it.
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
    /** Deletes a file of the job's shared directory, by its path relative to that directory. */
    @FunctionalInterface
    public interface SharedFileDeleter {
        void delete(String relativePath) throws Exception;
    }

    private final CompletedCheckpointPointers pointers;
    private final SharedFileDeleter sharedFileDeleter;
    private final SharedStateRegistry sharedState = new SharedStateRegistry();
    private final Deque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();

    /** A store for checkpoints without shared files (shared files would never be deleted). */
    public CompletedCheckpointStore(int maxRetained, Discarder discarder) {
        this(maxRetained, discarder, path -> LOG.warn("Shared state file {} is no longer used but kept", path));
    }

    public CompletedCheckpointStore(int maxRetained, Discarder discarder, SharedFileDeleter sharedFileDeleter) {
        this(maxRetained, discarder, sharedFileDeleter, CompletedCheckpointPointers.DIRECTORY_SCAN);
    }

    /** A store for checkpoints without shared files whose pointers are recorded elsewhere (ZooKeeper). */
    public CompletedCheckpointStore(int maxRetained, Discarder discarder, CompletedCheckpointPointers pointers) {
        this(maxRetained, discarder, path -> LOG.warn("Shared state file {} is no longer used but kept", path), pointers);
    }

    /**
     * @param sharedFileDeleter deletes a shared file no retained checkpoint uses any more
     * @param pointers recorded on {@link #add} first and forgotten on subsumption before the files go
     *     (high availability: ZooKeeper)
     */
    public CompletedCheckpointStore(int maxRetained, Discarder discarder, SharedFileDeleter sharedFileDeleter,
                                    CompletedCheckpointPointers pointers) {
        this.pointers = pointers;
        if (maxRetained < 1) {
            throw new IllegalArgumentException("At least one checkpoint must be retained, got " + maxRetained);
        }
        this.maxRetained = maxRetained;
        this.discarder = discarder;
        this.sharedFileDeleter = sharedFileDeleter;
    }

    /**
     * Keeps {@code checkpoint} (newer than all kept ones) and discards the oldest beyond the limit.
     *
     * @throws CheckpointRecordException if the pointers could not record it: the checkpoint is not kept
     */
    public void add(CompletedCheckpoint checkpoint) {
        CompletedCheckpoint newest = checkpoints.peekLast();
        if (newest != null && newest.checkpointId() >= checkpoint.checkpointId()) {
            throw new IllegalArgumentException("Checkpoint " + checkpoint.checkpointId() + " is not newer than "
                    + newest.checkpointId());
        }
        try {
            pointers.add(checkpoint);
        } catch (Exception e) {
            throw new CheckpointRecordException("Could not record completed checkpoint " + checkpoint.checkpointId()
                    + ": " + e.getMessage(), e);
        }
        checkpoints.addLast(checkpoint);
        sharedState.register(checkpoint.metadata());
        while (checkpoints.size() > maxRetained) {
            CompletedCheckpoint subsumed = checkpoints.removeFirst();
            try {
                pointers.remove(subsumed.checkpointId());
                discarder.discard(subsumed);
            } catch (Exception e) {
                LOG.warn("Could not discard subsumed checkpoint {} at {}: {}", subsumed.checkpointId(),
                        subsumed.directory(), e.toString());
            }
            List<String> unused = sharedState.unregister(subsumed.metadata());
            LOG.debug("Checkpoint {} subsumed: {} shared files no longer used", subsumed.checkpointId(), unused.size());
            for (String path : unused) {
                try {
                    sharedFileDeleter.delete(path);
                } catch (Exception e) {
                    LOG.warn("Could not delete unused shared state file {}: {}", path, e.toString());
                }
            }
        }
    }

    /** Whether a retained checkpoint uses the shared file at {@code relativePath}. */
    public boolean usesSharedFile(String relativePath) {
        return sharedState.isReferenced(relativePath);
    }

    public Optional<CompletedCheckpoint> latest() {
        return Optional.ofNullable(checkpoints.peekLast());
    }

    /** Oldest first. */
    public List<CompletedCheckpoint> all() {
        return List.copyOf(checkpoints);
    }
}
