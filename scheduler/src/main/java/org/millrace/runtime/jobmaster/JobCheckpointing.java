package org.millrace.runtime.jobmaster;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.configuration.SavepointConfigOptions;
import org.millrace.runtime.state.KeyedStateBackendLoader;
import org.millrace.runtime.state.filesystem.CheckpointStorageLocation;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExternalizedCheckpointRetention;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.checkpoint.CheckpointCoordinator;
import org.millrace.runtime.checkpoint.CheckpointCoordinatorConfiguration;
import org.millrace.runtime.checkpoint.CheckpointIdCounter;
import org.millrace.runtime.checkpoint.CheckpointRecovery;
import org.millrace.runtime.checkpoint.CheckpointRecoveryFactory;
import org.millrace.runtime.checkpoint.CheckpointTimer;
import org.millrace.runtime.checkpoint.CompletedCheckpoint;
import org.millrace.runtime.checkpoint.CompletedCheckpointPointers;
import org.millrace.runtime.checkpoint.CompletedCheckpointStore;
import org.millrace.runtime.checkpoint.OperatorInfo;
import org.millrace.runtime.checkpoint.OperatorState;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.checkpoint.TaskId;
import org.millrace.runtime.checkpoint.TaskRestore;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.state.filesystem.FsCheckpointStorage;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.runtime.taskexecutor.TaskCheckpointing;
import org.millrace.runtime.taskexecutor.TaskExecutorGateway;
import org.millrace.streaming.api.CheckpointingMode;
import org.millrace.streaming.api.environment.ExecutionCheckpointingOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpointing of one STREAMING job with {@code execution.checkpointing.interval} set: owns the
 * job's {@link CheckpointCoordinator} and its storage, tells it which subtasks run (from a copy of
 * their states the JobMaster keeps current, so the coordinator never needs the JobMaster's lock),
 * sends triggers to running sources and notifications to running subtasks, and gives each deployed
 * subtask the state it restores from: the newest usable checkpoint of the job (a damaged one is
 * skipped for the one before it), found again after every failure.
 *
 * <p>Lock order: JobMaster, then coordinator; nothing here calls back into the JobMaster while
 * holding the coordinator's lock (a job failure is handed to an executor).
 */
final class JobCheckpointing implements CheckpointCoordinator.JobTasks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobCheckpointing.class);

    /** What the coordinator needs to know of a subtask's current attempt. */
    private record TaskEntry(JobVertex vertex, int index, ExecutionAttemptID attempt, TaskExecutorGateway gateway,
                             ExecutionState state) {}

    private final JobGraph jobGraph;
    private final FsCheckpointStorage storage;
    private final CheckpointCoordinator coordinator;
    private final ScheduledExecutorService timer;
    private final boolean exactlyOnce;
    private final ExternalizedCheckpointRetention retention;
    /** The job's {@code state.backend.*} settings, passed on to its tasks. */
    private final Map<String, String> stateBackendSettings;
    private final Executor failureExecutor;
    private final Consumer<Throwable> failJob;
    private final Map<TaskId, TaskEntry> tasks = new ConcurrentHashMap<>();
    /** The savepoint the job was submitted to start from ({@code execution.savepoint.path}), if any. */
    private final Optional<CompletedCheckpoint> initialSavepoint;
    /** Where completed checkpoints are recorded for the next (re)start, here or at another leader. */
    private final CompletedCheckpointPointers pointers;

    private JobCheckpointing(JobGraph jobGraph, Configuration conf, Executor failureExecutor, Consumer<Throwable> failJob,
                             CheckpointRecoveryFactory recovery) throws IOException {
        this.jobGraph = jobGraph;
        this.failureExecutor = failureExecutor;
        this.failJob = failJob;
        this.exactlyOnce = conf.get(ExecutionCheckpointingOptions.CHECKPOINTING_MODE) == CheckpointingMode.EXACTLY_ONCE;
        this.retention = conf.get(ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
        this.stateBackendSettings = TaskCheckpointing.stateBackendSettingsOf(jobGraph.getJobConfiguration());
        // a bad state.backend.type fails the submission, naming the key, not every deployment
        KeyedStateBackendLoader.fromConfiguration(conf, JobCheckpointing.class.getClassLoader());
        CheckpointCoordinatorConfiguration settings = CheckpointCoordinatorConfiguration.fromConfiguration(conf);
        this.storage = FsCheckpointStorage.create(conf, jobGraph.getJobID());
        Map<String, OperatorInfo> operators = new LinkedHashMap<>();
        for (JobVertex v : jobGraph.getVertices()) {
            for (String operatorId : v.getOperatorIds()) {
                operators.put(operatorId, new OperatorInfo(v.getParallelism(), v.getMaxParallelism()));
            }
            for (int i = 0; i < v.getParallelism(); i++) {
                tasks.put(new TaskId(v.getId(), i), new TaskEntry(v, i, null, null, ExecutionState.CREATED));
            }
        }
        this.initialSavepoint = loadSavepoint(conf, operators);
        CheckpointIdCounter idCounter;
        try {
            idCounter = recovery.createIdCounter(jobGraph.getJobID(), storage.getFileSystem(), storage.getJobDirectory());
            if (initialSavepoint.isPresent()) {
                idCounter.raiseTo(initialSavepoint.get().checkpointId() + 1);
            }
            this.pointers = recovery.createPointers(jobGraph.getJobID());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not open the checkpoint records of job " + jobGraph.getJobID() + ": "
                    + e.getMessage(), e);
        }
        CompletedCheckpointStore completed = new CompletedCheckpointStore(conf.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS),
                checkpoint -> storage.discard(checkpoint.directory()), storage::discardSharedFile, pointers);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "Checkpoint timer of job " + jobGraph.getJobID());
            t.setDaemon(true);
            return t;
        });
        this.coordinator = new CheckpointCoordinator(jobGraph.getJobID(), settings, operators, storage, completed, idCounter,
                CheckpointTimer.of(timer), System::currentTimeMillis, this);
        LOG.info("Job {} takes checkpoints every {} ms ({}) into {}", jobGraph.getName(), settings.interval().toMillis(),
                exactlyOnce ? "exactly once" : "at least once", storage.getJobDirectory());
    }

    /**
     * Checkpointing for the job, or null if it takes none (no interval set, or a BATCH job, which
     * recovers by re-running stages instead).
     *
     * @throws org.millrace.configuration.IllegalConfigurationException if a checkpoint option is invalid, naming it
     */
    static JobCheckpointing createIfEnabled(JobGraph jobGraph, Configuration conf, Executor failureExecutor,
                                            Consumer<Throwable> failJob, CheckpointRecoveryFactory recovery)
            throws IOException {
        if (conf.getOptional(ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL).isEmpty()
                || jobGraph.getExecutionMode() == RuntimeExecutionMode.BATCH) {
            return null;
        }
        return new JobCheckpointing(jobGraph, conf, failureExecutor, failJob, recovery);
    }

    CheckpointCoordinator getCoordinator() {
        return coordinator;
    }

    /** The JobMaster's record of a subtask changed (new attempt, deployed, running, ended); under its lock. */
    void update(ExecutionVertex s) {
        TaskId id = new TaskId(s.vertex.getId(), s.index);
        TaskExecutorGateway gateway = s.slot == null ? null : s.slot.taskExecutor().gateway();
        tasks.put(id, new TaskEntry(s.vertex, s.index, s.attemptId, gateway, s.state));
        if (s.state == ExecutionState.FINISHED) {
            coordinator.taskFinished(id, emptyStates(s.vertex, s.index));
        }
    }

    /** What a deployed subtask needs to take part in checkpoints and to restore from the newest usable one. */
    TaskCheckpointing forDeployment(JobVertex vertex, Optional<CompletedCheckpoint> restoreFrom) {
        TaskRestore restore = restoreFrom.map(c -> restoreOf(c, vertex)).orElse(null);
        return new TaskCheckpointing(storage.getJobDirectory().toString(), restore, exactlyOnce, stateBackendSettings);
    }

    /**
     * The newest checkpoint of the job whose files are all present and intact (looked up on every
     * (re)start), else the savepoint the job was started from, if any.
     */
    Optional<CompletedCheckpoint> latestUsableCheckpoint() {
        try {
            Optional<CompletedCheckpoint> own = pointers.latestUsable(storage.getFileSystem(), storage.getJobDirectory());
            if (own.isPresent()) {
                return own;
            }
        } catch (IOException e) {
            LOG.warn("Could not look for checkpoints of job {} in {}: {}", jobGraph.getName(), storage.getJobDirectory(),
                    e.toString());
        }
        return initialSavepoint;
    }

    /**
     * Reads and checks the savepoint {@code execution.savepoint.path} names: every file intact, every
     * operator with state present in the job (unless unclaimed state may be dropped), key groups unchanged.
     *
     * @throws IOException naming the savepoint and what is wrong with it
     */
    private Optional<CompletedCheckpoint> loadSavepoint(Configuration conf, Map<String, OperatorInfo> operators)
            throws IOException {
        Optional<String> configured = conf.getOptional(SavepointConfigOptions.SAVEPOINT_PATH);
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        Path path = new Path(configured.get());
        if (path.getName().equals(CheckpointStorageLocation.METADATA_FILE)) {
            path = path.getParent();
        }
        FileSystem fs = path.toUri().getScheme() == null ? storage.getFileSystem()
                : path.getFileSystem(storage.getFileSystem().getConf());
        CompletedCheckpoint savepoint;
        try {
            savepoint = CheckpointRecovery.load(fs, path);
        } catch (IOException e) {
            throw new IOException("Cannot start from savepoint " + path + ": " + e.getMessage(), e);
        }
        boolean dropUnclaimed = conf.get(SavepointConfigOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE);
        List<String> unclaimed = new java.util.ArrayList<>();
        for (OperatorState state : savepoint.metadata().operators()) {
            OperatorInfo operator = operators.get(state.operatorId());
            boolean hasState = state.subtasks().stream().anyMatch(s -> !s.files().isEmpty());
            if (operator == null) {
                if (hasState) {
                    unclaimed.add(state.operatorId());
                }
            } else if (operator.maxParallelism() != state.maxParallelism() && hasState) {
                throw new IOException("Cannot start from savepoint " + path + ": operator " + state.operatorId()
                        + " had max parallelism " + state.maxParallelism() + " (its number of key groups) and now has "
                        + operator.maxParallelism() + "; set the same max parallelism (setMaxParallelism) to restore it");
            }
        }
        if (!unclaimed.isEmpty() && !dropUnclaimed) {
            throw new IOException("Cannot start from savepoint " + path + ": it holds state of operators " + unclaimed
                    + " that this job does not have (was a uid changed or an operator removed?). Start with"
                    + " --allowNonRestoredState (-n) to drop that state.");
        }
        if (!unclaimed.isEmpty()) {
            LOG.warn("Job {} drops the state of operators {} in savepoint {} (--allowNonRestoredState)",
                    jobGraph.getName(), unclaimed, path);
        }
        LOG.info("Job {} starts from savepoint {} (checkpoint {})", jobGraph.getName(), path, savepoint.checkpointId());
        return Optional.of(savepoint);
    }

    /**
     * Takes a savepoint below {@code targetDirectory}; completes with its directory.
     */
    java.util.concurrent.CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean drain) {
        return (drain ? coordinator.triggerDrainingSavepoint(targetDirectory) : coordinator.triggerSavepoint(targetDirectory))
                .thenApply(CompletedCheckpoint::directory);
    }

    private static TaskRestore restoreOf(CompletedCheckpoint checkpoint, JobVertex vertex) {
        Map<String, TaskRestore.OperatorRestore> operators = new HashMap<>();
        for (OperatorState state : checkpoint.metadata().operators()) {
            if (vertex.getOperatorIds().contains(state.operatorId())) {
                operators.put(state.operatorId(), new TaskRestore.OperatorRestore(state.parallelism(), state.subtasks()));
            }
        }
        return new TaskRestore(checkpoint.checkpointId(), checkpoint.directory(), operators);
    }

    private static Map<String, SubtaskState> emptyStates(JobVertex vertex, int index) {
        Map<String, SubtaskState> states = new LinkedHashMap<>();
        for (String operatorId : vertex.getOperatorIds()) {
            states.put(operatorId, new SubtaskState(index, null, List.of(), List.of()));
        }
        return states;
    }

    void acknowledge(ExecutionAttemptID attempt, long checkpointId, Map<String, SubtaskState> states) {
        TaskId id = new TaskId(attempt.vertexId(), attempt.subtaskIndex());
        TaskEntry entry = tasks.get(id);
        if (entry != null && attempt.equals(entry.attempt)) {
            coordinator.acknowledge(checkpointId, id, states);
        }
    }

    void decline(ExecutionAttemptID attempt, long checkpointId, String reason) {
        TaskId id = new TaskId(attempt.vertexId(), attempt.subtaskIndex());
        TaskEntry entry = tasks.get(id);
        if (entry != null && attempt.equals(entry.attempt)) {
            coordinator.decline(checkpointId, id, new IllegalStateException(reason));
        }
    }

    @Override
    public Optional<Set<TaskId>> runningTasks() {
        boolean anyRunning = false;
        for (TaskEntry entry : tasks.values()) {
            if (entry.state == ExecutionState.RUNNING) {
                anyRunning = true;
            } else if (entry.state != ExecutionState.FINISHED) {
                return Optional.empty();
            }
        }
        return anyRunning ? Optional.of(Set.copyOf(tasks.keySet())) : Optional.empty();
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp, String targetLocation, boolean drain) {
        tasks.forEach((id, entry) -> {
            if (entry.state == ExecutionState.FINISHED) {
                coordinator.taskFinished(id, emptyStates(entry.vertex, entry.index));
            } else if (entry.vertex.getInputEdgeIds().isEmpty() && entry.state == ExecutionState.RUNNING
                    && entry.gateway != null) {
                entry.gateway.triggerCheckpoint(entry.attempt, checkpointId, timestamp, targetLocation, drain);
            }
        });
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        forRunning(entry -> entry.gateway.notifyCheckpointComplete(entry.attempt, checkpointId));
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        forRunning(entry -> entry.gateway.notifyCheckpointAborted(entry.attempt, checkpointId));
    }

    private void forRunning(Consumer<TaskEntry> action) {
        for (TaskEntry entry : tasks.values()) {
            if (entry.state == ExecutionState.RUNNING && entry.gateway != null) {
                action.accept(entry);
            }
        }
    }

    @Override
    public void failJob(Throwable cause) {
        failureExecutor.execute(() -> failJob.accept(cause));
    }

    @Override
    public void close() {
        coordinator.close();
        timer.shutdownNow();
        closeStorage();
    }

    /**
     * The job ended for good in {@code status}: stops checkpointing and deletes the job's checkpoints
     * unless {@code execution.checkpointing.externalized-checkpoint-retention} keeps them for that
     * status (a finished job keeps none). A suspended job (leadership lost) is not ended: use
     * {@link #close()} and leave its checkpoints to the next leader.
     */
    void closeAfterJobEnded(JobStatus status) {
        coordinator.close();
        timer.shutdownNow();
        if (discardOnEnd(retention, status)) {
            try {
                storage.getFileSystem().delete(storage.getJobDirectory(), true);
                LOG.info("Deleted the checkpoints of job {} ({}) in {} ({}, {})", jobGraph.getName(), status,
                        storage.getJobDirectory(), ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION.key(), retention);
            } catch (IOException e) {
                LOG.warn("Could not delete the checkpoints of job {} in {}: {}", jobGraph.getName(), storage.getJobDirectory(),
                        e.toString());
            }
        } else {
            coordinator.getCompletedCheckpoints().latest().ifPresent(latest -> LOG.info(
                    "Job {} ended {}; its checkpoints are kept ({}): resume with flink run -s {}", jobGraph.getName(), status,
                    retention, latest.directory()));
        }
        closeStorage();
    }

    /** Whether checkpoints go when a job ends in {@code status} under {@code retention}. */
    static boolean discardOnEnd(ExternalizedCheckpointRetention retention, JobStatus status) {
        return switch (status) {
            case FAILED -> retention == ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
            case CANCELED -> retention != ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
            default -> true;
        };
    }

    private void closeStorage() {
        try {
            storage.close();
        } catch (IOException e) {
            LOG.debug("Could not close the checkpoint storage of job {}: {}", jobGraph.getJobID(), e.toString());
        }
    }
}
