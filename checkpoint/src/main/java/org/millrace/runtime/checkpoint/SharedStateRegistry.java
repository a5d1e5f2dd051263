package org.millrace.runtime.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * Counts, per file of a job's shared directory, how many retained checkpoints use it, so that
 * discarding a subsumed checkpoint deletes exactly the shared files (RocksDB SST files of
 * incremental checkpoints) no retained checkpoint refers to any more. Files are identified by their
 * path relative to the shared directory; tasks never rewrite a shared file under the same name.
 * Not thread-safe: the {@link CompletedCheckpointStore} owns it.
 */
public final class SharedStateRegistry {

    private final Map<String, Integer> references = new HashMap<>();

    /** Counts one more use of every shared file of {@code checkpoint}. */
    public void register(CheckpointMetadata checkpoint) {
        for (FileStateHandle file : checkpoint.sharedFiles()) {
            references.merge(file.relativePath(), 1, Integer::sum);
        }
    }

    /** Counts one use less of every shared file of {@code checkpoint}; returns those now unused. */
    public List<String> unregister(CheckpointMetadata checkpoint) {
        List<String> unused = new ArrayList<>();
        for (FileStateHandle file : checkpoint.sharedFiles()) {
            Integer left = references.computeIfPresent(file.relativePath(), (path, count) -> count == 1 ? null : count - 1);
            if (left == null) {
                unused.add(file.relativePath());
            }
        }
        return unused;
    }

    /** Whether a retained checkpoint uses the shared file at {@code relativePath}. */
    public boolean isReferenced(String relativePath) {
        return references.containsKey(relativePath);
    }
}
