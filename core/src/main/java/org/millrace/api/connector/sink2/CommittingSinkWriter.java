package org.millrace.api.connector.sink2;

import java.io.IOException;
import java.util.List;

/**
 * A writer whose output becomes visible only when the checkpoint covering it completes (two-phase
 * commit): {@link #snapshotState} seals what was written since the last checkpoint (the
 * pre-commit) and returns what is still to be committed, {@link #commit} publishes what was
 * sealed for checkpoints up to the completed one. Readers never see output of a checkpoint that
 * did not complete, and a restored job re-commits rather than rewrites.
 */
public interface CommittingSinkWriter<IN> extends SinkWriter<IN> {

    /** Seals the output written since the last checkpoint under {@code checkpointId}; the writer's state. */
    List<byte[]> snapshotState(long checkpointId) throws IOException;

    /** Publishes everything sealed for checkpoints up to {@code checkpointId}; idempotent. */
    void commit(long checkpointId) throws IOException;
}
