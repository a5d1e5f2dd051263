package org.millrace.runtime.taskexecutor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Map;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.state.CheckpointResponder;
import org.millrace.runtime.state.KeyedStateBackendLoader;
import org.millrace.runtime.state.TaskStateManager;
import org.millrace.runtime.state.filesystem.FsTaskCheckpointStorage;
import org.millrace.runtime.io.network.InputGate;
import org.millrace.runtime.io.network.ResultPartitionWriter;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.shuffle.ProducerLocation;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.gate.UnionInputGate;
import org.millrace.shuffle.metrics.CountingInputGate;
import org.millrace.shuffle.metrics.CountingResultPartitionWriter;
import org.millrace.shuffle.metrics.TaskRecordCounters;
import org.millrace.streaming.runtime.tasks.StreamTask;
import org.millrace.streaming.runtime.tasks.TaskCancelledException;
import org.millrace.streaming.runtime.tasks.TaskSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployed subtask attempt on a TaskExecutor: its output partitions are registered when it is
 * created (so consumers deployed after it on the same TaskExecutor find them), its input gate and
 * operator chain are built in its own thread, and every state change is reported to the listener.
 * Its records in and out are counted where they cross the shuffle, in the shuffle's metrics under
 * the attempt id, while it runs.
 */
final class Task implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeploymentDescriptor descriptor;
    private final ShuffleEnvironment shuffle;
    private final ScheduledExecutorService timerService;
    private final ClassLoader userCodeClassLoader;
    private final TaskStateListener listener;
    private final Runnable onTerminated;
    private final List<ResultPartitionWriter> outputs = new ArrayList<>();
    private final String name;
    private final TaskRecordCounters recordCounters;
    private final org.millrace.configuration.Configuration configuration;
    private final java.util.concurrent.Executor snapshotWriters;
    private volatile StreamTask streamTask;
    private volatile boolean cancelled;

    /**
     * Creates and registers the attempt's output partitions.
     *
     * @throws IOException if a partition cannot be created (those created so far are released)
     */
    Task(TaskDeploymentDescriptor descriptor, ShuffleEnvironment shuffle, ScheduledExecutorService timerService,
         ClassLoader userCodeClassLoader, TaskStateListener listener, Runnable onTerminated,
         org.millrace.configuration.Configuration configuration, java.util.concurrent.Executor snapshotWriters)
            throws IOException {
        this.descriptor = descriptor;
        this.configuration = configuration;
        this.snapshotWriters = snapshotWriters;
        this.shuffle = shuffle;
        this.timerService = timerService;
        this.userCodeClassLoader = userCodeClassLoader;
        this.listener = listener;
        this.onTerminated = onTerminated;
        this.name = descriptor.taskNameWithSubtask();
        this.recordCounters = shuffle.getMetrics().registerTask(descriptor.attemptId().toString());
        try {
            for (TaskDeploymentDescriptor.OutputPartition p : descriptor.outputs()) {
                outputs.add(new CountingResultPartitionWriter(p.blocking()
                        // kept after consumption: a re-run consumer (region failover) reads it again
                        ? shuffle.createBlockingResultPartition(descriptor.jobId(), p.partitionId(),
                                p.numberOfSubpartitions(), name, false)
                        : shuffle.createResultPartition(p.partitionId(), p.numberOfSubpartitions(), name),
                        recordCounters));
            }
        } catch (IOException | RuntimeException e) {
            shuffle.getMetrics().unregisterTask(descriptor.attemptId().toString());
            for (TaskDeploymentDescriptor.OutputPartition p : descriptor.outputs()) {
                shuffle.getResultPartitionManager().releasePartition(p.partitionId(), e);
            }
            throw e;
        }
    }

    ExecutionAttemptID getAttemptId() {
        return descriptor.attemptId();
    }

    String getName() {
        return name;
    }

    /** This attempt's busy / idle / back-pressured times so far, or null before its chain was built. */
    TaskIOMetrics.Snapshot ioMetrics() {
        StreamTask task = streamTask;
        return task == null ? null : task.getIOMetrics().snapshot();
    }

    /** Starts a checkpoint at this (source) attempt; declined if its operators are not running yet. */
    void triggerCheckpoint(long checkpointId, long timestamp, String targetLocation, boolean drain) {
        StreamTask task = streamTask;
        if (task == null) {
            listener.declineCheckpoint(descriptor.attemptId(), checkpointId, name + " is not running yet");
        } else {
            task.triggerCheckpoint(checkpointId, timestamp, targetLocation, drain);
        }
    }

    void notifyCheckpointComplete(long checkpointId) {
        StreamTask task = streamTask;
        if (task != null) {
            task.notifyCheckpointComplete(checkpointId);
        }
    }

    void notifyCheckpointAborted(long checkpointId) {
        StreamTask task = streamTask;
        if (task != null) {
            task.notifyCheckpointAborted(checkpointId);
        }
    }

    void cancel() {
        cancelled = true;
        StreamTask task = streamTask;
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    public void run() {
        ExecutionAttemptID id = descriptor.attemptId();
        Thread.currentThread().setContextClassLoader(userCodeClassLoader);
        StreamTask task = null;
        InputGate input = null;
        FsTaskCheckpointStorage checkpointStorage = null;
        try {
            listener.taskStateChanged(TaskExecutionState.of(id, ExecutionState.DEPLOYING));
            input = createInputGate();
            TaskStateManager checkpointing = null;
            TaskCheckpointing settings = descriptor.checkpointing();
            if (settings != null) {
                checkpointStorage = new FsTaskCheckpointStorage(settings.jobCheckpointDirectory(),
                        settings.restore() == null ? null : settings.restore().checkpointDirectory(), configuration);
                checkpointing = new TaskStateManager(checkpointStorage, new CheckpointResponder() {
                    @Override
                    public void acknowledge(long checkpointId, Map<String, SubtaskState> states) {
                        listener.acknowledgeCheckpoint(id, checkpointId, states);
                    }

                    @Override
                    public void decline(long checkpointId, Throwable reason) {
                        listener.declineCheckpoint(id, checkpointId, name + ": " + reason.getMessage());
                    }
                }, settings.restore(), snapshotWriters, settings.exactlyOnce(), KeyedStateBackendLoader.fromConfiguration(
                        settings.stateBackendConfiguration(configuration), userCodeClassLoader));
            }
            TaskSetup setup = new TaskSetup(descriptor.jobName(), descriptor.vertex(), descriptor.subtaskIndex(),
                    descriptor.attemptNumber(), descriptor.executionMode(), descriptor.outputEdges(), outputs,
                    descriptor.inputEdges(), input, descriptor.bufferTimeout(), timerService, userCodeClassLoader,
                    checkpointing);
            task = new StreamTask(setup);
            streamTask = task;
            if (cancelled) {
                task.cancel();
            }
            listener.taskStateChanged(TaskExecutionState.of(id, ExecutionState.RUNNING));
            task.invoke();
            listener.taskStateChanged(new TaskExecutionState(id, ExecutionState.FINISHED, null, task.getAccumulators(),
                    task.getIOMetrics().snapshot()));
        } catch (Throwable t) {
            if (input != null) {
                // a chain that failed to open never closed its input: free the producers' views for a re-run
                input.close();
            }
            boolean wasCancelled = t instanceof TaskCancelledException || (cancelled && task == null);
            if (!wasCancelled) {
                LOG.debug("{} failed", name, t);
            }
            listener.taskStateChanged(new TaskExecutionState(id,
                    wasCancelled ? ExecutionState.CANCELED : ExecutionState.FAILED, wasCancelled ? null : t,
                    java.util.Map.of(), task == null ? null : task.getIOMetrics().snapshot()));
        } finally {
            closeQuietly(checkpointStorage);
            shuffle.getMetrics().unregisterTask(id.toString());
            onTerminated.run();
        }
    }

    private void closeQuietly(FsTaskCheckpointStorage storage) {
        if (storage != null) {
            try {
                storage.close();
            } catch (IOException e) {
                LOG.debug("Could not close the checkpoint storage of {}: {}", name, e.toString());
            }
        }
    }

    private InputGate createInputGate() throws IOException {
        if (descriptor.inputEdges().isEmpty()) {
            return null;
        }
        List<InputGate> gates = new ArrayList<>();
        for (int g = 0; g < descriptor.inputs().size(); g++) {
            List<ProducerLocation> producers = descriptor.inputs().get(g);
            InputGate gate;
            if (!producers.isEmpty() && producers.stream().allMatch(ProducerLocation::stored)) {
                // finished blocking partitions on shared storage: read the files, whoever wrote them
                List<String> directories = producers.stream().map(p -> shuffle.getBlockingStorage()
                        .partitionDirectory(descriptor.jobId(), p.partitionId())).toList();
                gate = shuffle.createInputGateFromStorage(name, g, directories, descriptor.subtaskIndex());
            } else {
                gate = shuffle.createInputGateForProducers(name, g, producers, descriptor.subtaskIndex());
            }
            gates.add(new CountingInputGate(gate, recordCounters));
        }
        return gates.size() == 1 ? gates.get(0) : new UnionInputGate(gates);
    }
}
