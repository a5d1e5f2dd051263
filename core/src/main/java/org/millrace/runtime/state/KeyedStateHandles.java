package org.millrace.runtime.state;

import java.util.List;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * What one keyed snapshot consists of: files in the canonical key-grouped format, and possibly one
 * backend-specific incremental snapshot.
 *
 * @param canonical canonical-format files, relative to the checkpoint directory
 * @param incremental an incremental snapshot, or null
 */
public record KeyedStateHandles(List<FileStateHandle> canonical, IncrementalKeyedStateHandle incremental) {

    public KeyedStateHandles {
        canonical = List.copyOf(canonical);
    }
}
