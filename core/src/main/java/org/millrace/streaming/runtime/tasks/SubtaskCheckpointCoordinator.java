package org.millrace.streaming.runtime.tasks;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.io.network.CheckpointBarrier;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import org.millrace.runtime.state.HeapKeyedStateBackend;
import org.millrace.runtime.state.KeyGroupRange;
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
 * <p>The synchronous part copies state into memory (serialized), so the task can change its state
 * while the files are written; it is proportional to the state's size.
 */
final class SubtaskCheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(SubtaskCheckpointCoordinator.class);

    /** One operator's serialized state for one checkpoint. */
    private record OperatorSnapshot(String operatorId, KeyGroupRange keyGroups, byte[] keyed, byte[] operator) {}

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
            snapshots = snapshotOperators(id);
        } catch (Exception e) {
            LOG.info("{} declines checkpoint {}: {}", taskName, id, e.toString());
            manager.responder().decline(id, e);
            return;
        }
        manager.asyncSnapshotExecutor().execute(() -> writeAndAcknowledge(id, barrier.getTargetLocation(), snapshots));
    }

    private List<OperatorSnapshot> snapshotOperators(long id) throws Exception {
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
                HeapKeyedStateBackend<?> backend = chain.getKeyedStateBackend(i);
                byte[] keyedBytes = null;
                if (backend != null) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    backend.snapshot(out);
                    keyedBytes = out.toByteArray();
                }
                snapshots.add(new OperatorSnapshot(chain.getOperatorId(i), backend == null ? null : backend.getKeyGroupRange(),
                        keyedBytes, operatorBytes));
            } catch (Exception e) {
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
                List<FileStateHandle> keyed = snapshot.keyed == null ? List.of()
                        : List.of(write(id, target, snapshot.operatorId + "-" + subtaskIndex + ".keyed", snapshot.keyed));
                List<FileStateHandle> operator = snapshot.operator == null ? List.of()
                        : List.of(write(id, target, snapshot.operatorId + "-" + subtaskIndex + ".op", snapshot.operator));
                states.put(snapshot.operatorId, new SubtaskState(subtaskIndex, snapshot.keyGroups, keyed, operator));
            }
            manager.responder().acknowledge(id, states);
        } catch (Exception | LinkageError e) {
            LOG.info("{} could not write its state for checkpoint {}: {}", taskName, id, e.toString());
            manager.responder().decline(id, e);
        }
    }

    private FileStateHandle write(long id, String target, String fileName, byte[] bytes) throws java.io.IOException {
        try (CheckpointStateOutputStream out = manager.storage().createStateFile(id, target, fileName)) {
            out.write(bytes);
            return out.closeAndGetHandle();
        }
    }

    /** The whole job's checkpoint {@code id} is durable: operators may commit; task thread. */
    void notifyComplete(long id) throws Exception {
        lastCompletedId = Math.max(lastCompletedId, id);
        for (int i = 0; i < chain.size(); i++) {
            chain.getOperator(i).notifyCheckpointComplete(id);
        }
    }

    void notifyAborted(long id) throws Exception {
        for (int i = 0; i < chain.size(); i++) {
            chain.getOperator(i).notifyCheckpointAborted(id);
        }
    }
}
