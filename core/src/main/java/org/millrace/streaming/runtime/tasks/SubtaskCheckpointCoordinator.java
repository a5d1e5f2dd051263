package org.millrace.streaming.runtime.tasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.io.network.CheckpointBarrier;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.KeyedSnapshotTarget;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyedStateHandles;
import org.millrace.runtime.state.KeyedStateSnapshot;
import org.millrace.runtime.state.OperatorStateStore;
import org.millrace.runtime.state.TaskStateManager;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's part of a checkpoint, in the task thread when its barrier is due (a source task when
 * triggered, others when the barrier arrived on every input): operators emit what must precede the
 * barrier, the barrier goes downstream, and each operator's state is serialized — then the task
 * goes on with its input while another thread writes the bytes to the checkpoint's directory and
 * acknowledges the checkpoint with the files' handles (or declines it, saying why).
 *
 * <p>What the synchronous part does is up to the keyed state backend: the heap backend copies its
 * state into memory (serialized), proportional to the state's size; RocksDB with incremental
 * checkpoints hard-links its files, and the writer thread uploads those not uploaded before.
 */
final class SubtaskCheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(SubtaskCheckpointCoordinator.class);

    /** One operator's serialized state for one checkpoint. */
    private record OperatorSnapshot(String operatorId, KeyGroupRange keyGroups, KeyedStateSnapshot keyed, byte[] operator) {}

    private final TaskStateManager manager;
    private final OperatorChain chain;
    private final String taskName;
    private final int subtaskIndex;
    private long lastBarrierId = -1;
    private long lastCompletedId = -1;

    SubtaskCheckpointCoordinator(TaskStateManager manager, OperatorChain chain, String taskName, int subtaskIndex) {
        this.manager = manager;
        this.chain = chain;
        this.taskName = taskName;
        this.subtaskIndex = subtaskIndex;
    }

    /** The id of the last barrier this task forwarded, -1 if none. */
    long lastBarrierId() {
        return lastBarrierId;
    }

    long lastCompletedId() {
        return lastCompletedId;
    }

    /** Takes the task's part of {@code barrier}'s checkpoint; task thread. */
    void checkpoint(CheckpointBarrier barrier) throws Exception {
        long id = barrier.getCheckpointId();
        if (id <= lastBarrierId) {
            LOG.debug("{} ignores barrier {}: already at {}", taskName, id, lastBarrierId);
            return;
        }
        lastBarrierId = id;
        List<OperatorSnapshot> snapshots;
        try {
            for (int i = 0; i < chain.size(); i++) {
                chain.getOperator(i).prepareSnapshotPreBarrier(id);
            }
            chain.broadcastEvent(barrier);
            snapshots = snapshotOperators(id, barrier.getTargetLocation() != null);
        } catch (Exception e) {
            LOG.info("{} declines checkpoint {}: {}", taskName, id, e.toString());
            manager.responder().decline(id, e);
            return;
        }
        manager.asyncSnapshotExecutor().execute(() -> writeAndAcknowledge(id, barrier.getTargetLocation(), snapshots));
    }

    private List<OperatorSnapshot> snapshotOperators(long id, boolean savepoint) throws Exception {
        List<OperatorSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            try {
                OperatorStateStore operatorState = new OperatorStateStore();
                chain.getOperator(i).snapshotState(id, operatorState);
                byte[] operatorBytes = null;
                if (!operatorState.isEmpty()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    operatorState.write(out);
                    operatorBytes = out.toByteArray();
                }
                KeyedStateBackend<?> backend = chain.getKeyedStateBackend(i);
                KeyedStateSnapshot keyed = backend == null ? null : backend.snapshotForCheckpoint(id, savepoint);
                snapshots.add(new OperatorSnapshot(chain.getOperatorId(i), backend == null ? null : backend.getKeyGroupRange(),
                        keyed, operatorBytes));
            } catch (Exception e) {
                discard(snapshots);
                throw new Exception("Operator " + chain.getName(i) + " could not snapshot its state for checkpoint " + id
                        + ": " + e.getMessage(), e);
            }
        }
        return snapshots;
    }

    private void writeAndAcknowledge(long id, String target, List<OperatorSnapshot> snapshots) {
        try {
            Map<String, SubtaskState> states = new LinkedHashMap<>();
            for (OperatorSnapshot snapshot : snapshots) {
                String prefix = snapshot.operatorId + "-" + subtaskIndex;
                KeyedStateHandles keyed = snapshot.keyed == null ? new KeyedStateHandles(List.of(), null)
                        : snapshot.keyed.write(target(id, target, prefix));
                List<FileStateHandle> operator = snapshot.operator == null ? List.of()
                        : List.of(write(id, target, prefix + ".op", snapshot.operator));
                states.put(snapshot.operatorId, new SubtaskState(subtaskIndex, snapshot.keyGroups, keyed.canonical(),
                        operator, keyed.incremental()));
            }
            manager.responder().acknowledge(id, states);
        } catch (Exception | LinkageError e) {
            LOG.info("{} could not write its state for checkpoint {}: {}", taskName, id, e.toString());
            discard(snapshots);
            manager.responder().decline(id, e);
        }
    }

    private KeyedSnapshotTarget target(long id, String target, String prefix) {
        return new KeyedSnapshotTarget() {
            @Override
            public CheckpointStateOutputStream createPrivateFile(String suffix) throws IOException {
                return manager.storage().createStateFile(id, target, prefix + suffix);
            }

            @Override
            public CheckpointStateOutputStream createSharedFile(String name) throws IOException {
                return manager.storage().createSharedStateFile(name);
            }
        };
    }

    private static void discard(List<OperatorSnapshot> snapshots) {
        for (OperatorSnapshot snapshot : snapshots) {
            if (snapshot.keyed != null) {
                snapshot.keyed.discard();
            }
        }
    }

    private FileStateHandle write(long id, String target, String fileName, byte[] bytes) throws IOException {
        try (CheckpointStateOutputStream out = manager.storage().createStateFile(id, target, fileName)) {
            out.write(bytes);
            return out.closeAndGetHandle();
        }
    }

    /** The whole job's checkpoint {@code id} is durable: operators may commit; task thread. */
    void notifyComplete(long id) throws Exception {
        lastCompletedId = Math.max(lastCompletedId, id);
        for (int i = 0; i < chain.size(); i++) {
            KeyedStateBackend<?> backend = chain.getKeyedStateBackend(i);
            if (backend != null) {
                backend.notifyCheckpointComplete(id);
            }
            chain.getOperator(i).notifyCheckpointComplete(id);
        }
    }

    void notifyAborted(long id) throws Exception {
        for (int i = 0; i < chain.size(); i++) {
            chain.getOperator(i).notifyCheckpointAborted(id);
        }
    }
}
