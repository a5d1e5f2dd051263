package org.millrace.runtime.checkpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.millrace.api.common.JobID;
import org.millrace.runtime.state.filesystem.CheckpointStorageLocation;
import org.millrace.runtime.state.filesystem.FsCheckpointStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobMaster's checkpoint coordinator for one job: triggers checkpoints periodically (never
 * more than {@code max-concurrent-checkpoints} at once, never sooner than {@code min-pause} after
 * the last one ended, only while every task runs), collects each task's acknowledgement with its
 * state, and completes a checkpoint by writing its metadata — then keeps it in the
 * {@link CompletedCheckpointStore}, tells the tasks, and subsumes older pending ones. Checkpoints
 * that expire, are declined or cannot be written are aborted and their files deleted; more failures
 * in a row than tolerated fail the job over.
 *
 * <p>Thread-safe: triggers and timeouts come from the timer, acknowledgements from RPC threads.
 */
public final class CheckpointCoordinator implements AutoCloseable {

    /** What the coordinator needs from the JobMaster. */
    public interface JobTasks {
        /** The tasks that must acknowledge a checkpoint now, or empty if not all of the job's tasks run. */
        Optional<Set<TaskId>> runningTasks();

        /**
         * Starts checkpoint {@code checkpointId} at the sources (they inject the barriers).
         *
         * @param targetLocation a savepoint's directory, or null for a checkpoint
         * @param drain a savepoint of {@code flink stop --drain}: the sources end their input with it
         */
        void triggerCheckpoint(long checkpointId, long timestamp, String targetLocation, boolean drain);

        void notifyCheckpointComplete(long checkpointId);

        void notifyCheckpointAborted(long checkpointId);

        /** Too many checkpoints failed in a row: fail the job over with {@code cause}. */
        void failJob(Throwable cause);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final JobID jobId;
    private final CheckpointCoordinatorConfiguration configuration;
    private final Map<String, OperatorInfo> operators;
    private final FsCheckpointStorage storage;
    private final CompletedCheckpointStore completedCheckpoints;
    private final CheckpointTimer timer;
    private final LongSupplier clock;
    private final JobTasks tasks;
    private final CheckpointFailureManager failureManager;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final CheckpointIdCounter idCounter;
    private long lastCheckpointEndMillis = Long.MIN_VALUE;
    private CheckpointTimer.Scheduled nextTrigger;
    private boolean periodicScheduling;
    private boolean shutdown;
    private long numCompleted;
    private long numFailed;
    private CompletedCheckpoint latestCompleted;
    private long latestDurationMillis = -1;
    private String latestSavepoint;

    /**
     * @param operators every operator of the job that may report state, by operator id
     * @param nextCheckpointId the id the next checkpoint gets (1, or one past the restored one)
     * @param clock wall-clock milliseconds (checkpoint timestamps, minimum pause)
     */
    public CheckpointCoordinator(JobID jobId, CheckpointCoordinatorConfiguration configuration,
                                 Map<String, OperatorInfo> operators, FsCheckpointStorage storage,
                                 CompletedCheckpointStore completedCheckpoints, long nextCheckpointId,
                                 CheckpointTimer timer, LongSupplier clock, JobTasks tasks) {
        this(jobId, configuration, operators, storage, completedCheckpoints,
                new StandaloneCheckpointIdCounter(nextCheckpointId), timer, clock, tasks);
    }

    /** @param idCounter hands out the checkpoint ids (with high availability: shared with the next leader) */
    public CheckpointCoordinator(JobID jobId, CheckpointCoordinatorConfiguration configuration,
                                 Map<String, OperatorInfo> operators, FsCheckpointStorage storage,
                                 CompletedCheckpointStore completedCheckpoints, CheckpointIdCounter idCounter,
                                 CheckpointTimer timer, LongSupplier clock, JobTasks tasks) {
        this.jobId = jobId;
        this.configuration = configuration;
        this.operators = Map.copyOf(operators);
        this.storage = storage;
        this.completedCheckpoints = completedCheckpoints;
        this.idCounter = idCounter;
        this.timer = timer;
        this.clock = clock;
        this.tasks = tasks;
        this.failureManager = new CheckpointFailureManager(configuration.tolerableFailures());
    }

    /** Starts periodic checkpoints, the first one {@code interval} from now. */
    public synchronized void startCheckpointScheduler() {
        if (shutdown || periodicScheduling) {
            return;
        }
        periodicScheduling = true;
        scheduleTrigger(configuration.interval().toMillis());
    }

    /** Stops periodic checkpoints and aborts the pending ones (the job stops running or restarts). */
    public synchronized void stopCheckpointScheduler(String reason) {
        periodicScheduling = false;
        if (nextTrigger != null) {
            nextTrigger.cancel();
            nextTrigger = null;
        }
        for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
            abort(checkpoint, new CheckpointException("Checkpoint " + checkpoint.checkpointId + " aborted: " + reason), false);
        }
    }

    private void scheduleTrigger(long delayMillis) {
        nextTrigger = timer.schedule(this::periodicTrigger, Math.max(0, delayMillis));
    }

    private synchronized void periodicTrigger() {
        nextTrigger = null;
        if (!periodicScheduling) {
            return;
        }
        long now = clock.getAsLong();
        long earliest = lastCheckpointEndMillis == Long.MIN_VALUE ? now
                : lastCheckpointEndMillis + configuration.minPause().toMillis();
        if (pending.size() >= configuration.maxConcurrent()) {
            LOG.debug("Checkpoint of job {} skipped: {} in progress", jobId, pending.size());
        } else if (now < earliest) {
            scheduleTrigger(earliest - now);
            return;
        } else {
            triggerCheckpoint();
        }
        scheduleTrigger(configuration.interval().toMillis());
    }

    /**
     * Starts a checkpoint now (periodic triggers call this too). The future completes with the
     * checkpoint once every task acknowledged and the metadata is written, or fails if it is aborted.
     */
    public synchronized CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
        return trigger(null, false);
    }

    /**
     * Takes a savepoint into a new directory below {@code targetDirectory} (a file system URI): a
     * checkpoint the user owns, marked as such in its metadata, never deleted by retention and not
     * used for failover. Completes with it once written.
     */
    public synchronized CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory) {
        return trigger(java.util.Objects.requireNonNull(targetDirectory, "targetDirectory"), false);
    }

    /**
     * Takes the savepoint of {@code flink stop --drain}: the sources end their input before their
     * barrier (event time ends, so every window fires into the savepoint's output) and read nothing
     * after it, so the job finishes once the savepoint is complete. Completes with the savepoint.
     */
    public synchronized CompletableFuture<CompletedCheckpoint> triggerDrainingSavepoint(String targetDirectory) {
        return trigger(java.util.Objects.requireNonNull(targetDirectory, "targetDirectory"), true);
    }

    private CompletableFuture<CompletedCheckpoint> trigger(String savepointDirectory, boolean drain) {
        if (shutdown) {
            return CompletableFuture.failedFuture(new CheckpointException("The checkpoint coordinator is shut down"));
        }
        Optional<Set<TaskId>> running = tasks.runningTasks();
        if (running.isEmpty()) {
            LOG.info("Checkpoint of job {} not triggered: not all tasks are running", jobId);
            return CompletableFuture.failedFuture(new CheckpointException("Not all tasks of job " + jobId + " are running"));
        }
        long checkpointId;
        try {
            checkpointId = idCounter.getAndIncrement();
        } catch (Exception e) {
            LOG.warn("No id for the next checkpoint of job {}: {}", jobId, e.toString());
            CheckpointException failure = new CheckpointException("Could not get the next checkpoint id: " + e.getMessage(), e);
            if (savepointDirectory == null) {
                failed(failure);
            }
            return CompletableFuture.failedFuture(failure);
        }
        long timestamp = clock.getAsLong();
        CheckpointStorageLocation location;
        try {
            location = savepointDirectory == null ? storage.initializeCheckpoint(checkpointId)
                    : storage.initializeSavepoint(savepointDirectory);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} {} of job {} could not be started: {}", savepointDirectory == null ? "Checkpoint" : "Savepoint",
                    checkpointId, jobId, e.toString());
            if (savepointDirectory == null) {
                failed(new CheckpointException("Could not create the directory of checkpoint " + checkpointId, e));
            }
            return CompletableFuture.failedFuture(new CheckpointException("Could not create the directory of "
                    + (savepointDirectory == null ? "checkpoint " + checkpointId : "a savepoint in " + savepointDirectory)
                    + ": " + e.getMessage(), e));
        }
        PendingCheckpoint checkpoint = new PendingCheckpoint(checkpointId, timestamp, location, running.get(),
                savepointDirectory != null);
        pending.put(checkpointId, checkpoint);
        checkpoint.timeout = timer.schedule(() -> expire(checkpoint), configuration.timeout().toMillis());
        LOG.info("Triggering {} {} of job {} ({} tasks)", checkpoint.savepoint ? "savepoint" : "checkpoint", checkpointId,
                jobId, checkpoint.pendingTasks());
        tasks.triggerCheckpoint(checkpointId, timestamp,
                checkpoint.savepoint ? location.getDirectory().toString() : null, drain);
        return checkpoint.future;
    }

    /** A task's state for a checkpoint; completes the checkpoint when it was the last one missing. */
    public synchronized void acknowledge(long checkpointId, TaskId task, Map<String, SubtaskState> operatorStates) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null) {
            LOG.debug("Acknowledgement of unknown, completed or aborted checkpoint {} from {} ignored", checkpointId, task);
            return;
        }
        if (!checkpoint.acknowledge(task, operatorStates)) {
            LOG.warn("Unexpected or repeated acknowledgement of checkpoint {} from {} ignored", checkpointId, task);
            return;
        }
        if (checkpoint.isFullyAcknowledged()) {
            complete(checkpoint);
        }
    }

    /**
     * A task finished (all its input read and committed): the checkpoints waiting for it take
     * {@code emptyStates} from it instead, recording that its operators have nothing left to restore.
     */
    public synchronized void taskFinished(TaskId task, Map<String, SubtaskState> emptyStates) {
        for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
            if (checkpoint.acknowledge(task, emptyStates) && checkpoint.isFullyAcknowledged()) {
                complete(checkpoint);
            }
        }
    }

    /** A task could not take its part of a checkpoint: the checkpoint is aborted. */
    public synchronized void decline(long checkpointId, TaskId task, Throwable reason) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null) {
            abort(checkpoint, new CheckpointException("Checkpoint " + checkpointId + " was declined by task " + task
                    + ": " + reason.getMessage(), reason), true);
        }
    }

    private synchronized void expire(PendingCheckpoint checkpoint) {
        if (pending.get(checkpoint.checkpointId) == checkpoint) {
            abort(checkpoint, new CheckpointException("Checkpoint " + checkpoint.checkpointId + " expired after "
                    + configuration.timeout().toMillis() + " ms (execution.checkpointing.timeout) with "
                    + checkpoint.pendingTasks() + " tasks not acknowledged"), true);
        }
    }

    private void complete(PendingCheckpoint checkpoint) {
        pending.remove(checkpoint.checkpointId);
        checkpoint.timeout.cancel();
        CompletedCheckpoint completed;
        try {
            completed = checkpoint.location.complete(checkpoint.toMetadata(jobId, operators));
            if (!checkpoint.savepoint) {
                completedCheckpoints.add(completed); // recorded (HA: in ZooKeeper) before any task hears of it
            }
        } catch (IOException | RuntimeException e) {
            discard(checkpoint);
            tasks.notifyCheckpointAborted(checkpoint.checkpointId);
            CheckpointException failure = new CheckpointException("Could not write or record the metadata of checkpoint "
                    + checkpoint.checkpointId + ": " + e.getMessage(), e);
            checkpoint.future.completeExceptionally(failure);
            failed(failure);
            return;
        }
        lastCheckpointEndMillis = clock.getAsLong();
        if (!checkpoint.savepoint) {
            failureManager.succeeded();
            numCompleted++;
            latestCompleted = completed;
            latestDurationMillis = lastCheckpointEndMillis - checkpoint.timestamp;
        } else {
            latestSavepoint = completed.directory();
        }
        LOG.info("Completed {} {} of job {} in {} ms at {}", checkpoint.savepoint ? "savepoint" : "checkpoint",
                checkpoint.checkpointId, jobId, lastCheckpointEndMillis - checkpoint.timestamp, completed.directory());
        for (PendingCheckpoint older : new ArrayList<>(pending.headMap(checkpoint.checkpointId).values())) {
            abort(older, new CheckpointException("Checkpoint " + older.checkpointId + " was subsumed by checkpoint "
                    + checkpoint.checkpointId), false);
        }
        tasks.notifyCheckpointComplete(checkpoint.checkpointId);
        checkpoint.future.complete(completed);
    }

    /** Aborts a pending checkpoint; {@code countsAsFailure} for expiry, declines and write errors. */
    private void abort(PendingCheckpoint checkpoint, CheckpointException reason, boolean countsAsFailure) {
        pending.remove(checkpoint.checkpointId);
        checkpoint.timeout.cancel();
        LOG.info("{}", reason.getMessage());
        discard(checkpoint);
        tasks.notifyCheckpointAborted(checkpoint.checkpointId);
        checkpoint.future.completeExceptionally(reason);
        lastCheckpointEndMillis = clock.getAsLong();
        if (countsAsFailure && !checkpoint.savepoint) {
            failed(reason);
        }
    }

    private void failed(CheckpointException reason) {
        numFailed++;
        if (failureManager.failed()) {
            tasks.failJob(new CheckpointException("Exceeded the tolerable number of failed checkpoints ("
                    + failureManager.tolerable() + ", execution.checkpointing.tolerable-failed-checkpoints): "
                    + reason.getMessage(), reason));
        }
    }

    private void discard(PendingCheckpoint checkpoint) {
        try {
            storage.discard(checkpoint.location.getDirectory().toString());
        } catch (IOException e) {
            LOG.warn("Could not delete the files of checkpoint {} at {}: {}", checkpoint.checkpointId,
                    checkpoint.location.getDirectory(), e.toString());
        }
    }

    /** Counts and the latest completed checkpoint and savepoint. */
    public synchronized CheckpointStatistics getStatistics() {
        return new CheckpointStatistics(numCompleted, numFailed, pending.size(), latestCompleted, latestDurationMillis,
                latestSavepoint);
    }

    /** Checkpoints in progress, by id. */
    public synchronized List<Long> getPendingCheckpointIds() {
        return List.copyOf(pending.keySet());
    }

    public CompletedCheckpointStore getCompletedCheckpoints() {
        return completedCheckpoints;
    }

    /** Stops triggering and aborts what is pending; completed checkpoints stay. */
    @Override
    public synchronized void close() {
        stopCheckpointScheduler("the job stopped");
        shutdown = true;
    }
}
