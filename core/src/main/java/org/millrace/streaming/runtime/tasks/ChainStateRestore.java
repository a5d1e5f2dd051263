package org.millrace.streaming.runtime.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.checkpoint.TaskRestore;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.OperatorStateStore;
import org.millrace.runtime.state.TaskCheckpointStorage;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each operator of a chain its state from the checkpoint the task restores from, before the
 * operators open: keyed state from every old instance whose key groups overlap this instance's
 * (so a changed parallelism just reads other files), non-keyed state divided by
 * {@link OperatorStateStore#redistribute}. Operators absent from the checkpoint start empty.
 */
final class ChainStateRestore {

    private static final Logger LOG = LoggerFactory.getLogger(ChainStateRestore.class);

    private ChainStateRestore() {}

    static void initializeState(OperatorChain chain, TaskRestore restore, TaskCheckpointStorage storage,
                                int subtaskIndex, int parallelism, String taskName) throws Exception {
        for (int i = 0; i < chain.size(); i++) {
            TaskRestore.OperatorRestore state = restore == null ? null : restore.operators().get(chain.getOperatorId(i));
            OperatorStateStore store = new OperatorStateStore();
            if (state != null) {
                restoreKeyedState(chain.getKeyedStateBackend(i), state, storage);
                store = restoreOperatorState(state, storage, subtaskIndex, parallelism);
            } else if (restore != null) {
                LOG.info("{}: operator {} ({}) has no state in checkpoint {}; it starts empty", taskName,
                        chain.getName(i), chain.getOperatorId(i), restore.checkpointId());
            }
            try {
                chain.getOperator(i).initializeState(store);
            } catch (OperatorFailureException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorFailureException(chain.getName(i), (subtaskIndex + 1) + "/" + parallelism, e);
            }
        }
        if (restore != null) {
            LOG.info("{} restored its state from checkpoint {} at {}", taskName, restore.checkpointId(),
                    restore.checkpointDirectory());
        }
    }

    private static void restoreKeyedState(KeyedStateBackend<?> backend, TaskRestore.OperatorRestore state,
                                          TaskCheckpointStorage storage) throws IOException {
        if (backend == null) {
            return;
        }
        KeyGroupRange mine = backend.getKeyGroupRange();
        List<IncrementalKeyedStateHandle> incremental = new ArrayList<>();
        for (SubtaskState subtask : state.subtasks()) {
            KeyGroupRange theirs = subtask.keyGroups();
            if (theirs == null || theirs.endKeyGroup() < mine.startKeyGroup() || theirs.startKeyGroup() > mine.endKeyGroup()) {
                continue;
            }
            for (FileStateHandle handle : subtask.keyedState()) {
                try (InputStream in = storage.openRestoredStateFile(handle)) {
                    backend.restore(in, handle.relativePath());
                }
            }
            if (subtask.incrementalKeyedState() != null) {
                incremental.add(subtask.incrementalKeyedState());
            }
        }
        if (!incremental.isEmpty()) {
            backend.restoreIncremental(incremental, storage);
        }
    }

    private static OperatorStateStore restoreOperatorState(TaskRestore.OperatorRestore state, TaskCheckpointStorage storage,
                                                           int subtaskIndex, int parallelism) throws IOException {
        List<OperatorStateStore> old = new ArrayList<>();
        for (int i = 0; i < state.parallelism(); i++) {
            old.add(null);
        }
        for (SubtaskState subtask : state.subtasks()) {
            OperatorStateStore merged = new OperatorStateStore();
            for (FileStateHandle handle : subtask.operatorState()) {
                try (InputStream in = storage.openRestoredStateFile(handle)) {
                    merged = OperatorStateStore.read(in, handle.relativePath());
                }
            }
            if (subtask.subtaskIndex() < old.size()) {
                old.set(subtask.subtaskIndex(), merged);
            }
        }
        return OperatorStateStore.redistribute(old, state.parallelism() == parallelism, subtaskIndex, parallelism);
    }
}
