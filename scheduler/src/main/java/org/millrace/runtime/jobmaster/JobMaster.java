package org.millrace.runtime.jobmaster;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.millrace.runtime.checkpoint.CheckpointRecoveryFactory;
import org.millrace.runtime.checkpoint.SavepointType;
import org.millrace.runtime.checkpoint.CompletedCheckpoint;
import org.millrace.api.common.BatchShuffleMode;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.runtime.dispatcher.ExceptionInfo;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.executiongraph.failover.ExecutionFailureHandler;
import org.millrace.runtime.executiongraph.failover.FailoverOptions;
import org.millrace.runtime.executiongraph.failover.FailoverStrategy;
import org.millrace.runtime.executiongraph.failover.FailoverStrategyType;
import org.millrace.runtime.executiongraph.failover.FailoverTopology;
import org.millrace.runtime.executiongraph.failover.FailureHandlingResult;
import org.millrace.runtime.executiongraph.failover.JobGraphFailoverTopology;
import org.millrace.runtime.executiongraph.failover.RestartBackoffTimeStrategyFactoryLoader;
import org.millrace.runtime.executiongraph.failover.ResultPartitionKey;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.resourcemanager.SlotAssignment;
import org.millrace.runtime.resourcemanager.TaskExecutorRegistration;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.runtime.taskexecutor.TaskDeploymentDescriptor;
import org.millrace.runtime.taskexecutor.TaskExecutionState;
import org.millrace.shuffle.BlockingStorageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on the cluster: asks the ResourceManager for slots, deploys a task per parallel
 * subtask to the TaskExecutors owning them (all at once for pipelined exchanges; stage by stage,
 * as blocking inputs complete, for BATCH), follows the tasks' state reports, and completes the
 * result future once every task has reached a terminal state — then the job's partitions and slots
 * are released.
 *
 * <p>A failed task goes to the {@link ExecutionFailureHandler}: if the restart strategy
 * ({@code restart-strategy.*}) allows, the subtasks it names are cancelled and, after the backoff,
 * deployed again as new attempts — the whole job for pipelined exchanges (there are no checkpoints
 * to resume a region from yet), only the failed pipelined region and what depends on it for
 * blocking BATCH exchanges (finished stages are not re-run while their partitions can be read).
 * Otherwise the job fails, cancelling the rest.
 */
public final class JobMaster {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final ResourceManager resourceManager;
    private final Duration slotRequestTimeout;
    private final java.util.concurrent.Executor completionExecutor;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final ExecutionGraph graph;
    private final TaskDeployments deployments;
    private final boolean blockingExchanges;
    private final Duration bufferTimeout;
    private final Map<JobStatus, Long> stateTimestamps = new EnumMap<>(JobStatus.class);
    private final List<ExceptionInfo> exceptionHistory = new ArrayList<>();
    private final ExecutionFailureHandler failureHandler;
    /** Blocking partitions go to storage every TaskExecutor reads: they outlive their producer's process. */
    private final boolean sharedBlockingStorage;
    private final java.util.Set<String> lostTaskExecutors = new java.util.HashSet<>();
    /** Every TaskExecutor that held a slot of this job, by resource id: each is told when the job ends. */
    private final Map<String, TaskExecutorRegistration> usedTaskExecutors = new LinkedHashMap<>();
    private PendingRestart pendingRestart;
    /** Blocking exchanges: a request for more slots, while subtasks still to run could use them, is pending. */
    private boolean growing;
    /** Slots held by this job; with blocking exchanges the free ones are handed to runnable subtasks. */
    private final List<SlotAssignment> slots = new ArrayList<>();
    private final List<SlotAssignment> freeSlots = new ArrayList<>();
    /** Set (under the lock) when the job ended; run by {@link #completeIfEnded()} outside it. */
    private Runnable pendingCompletion;
    private JobStatus status = JobStatus.CREATED;
    /** Stopped because this JobManager lost its leadership ({@link #suspend()}): not an end for good. */
    private boolean suspending;
    private Throwable failureCause;
    private String failedTask;
    /** Why restarts ran out ({@code Recovery is suppressed by ...}), when the job had restarted before. */
    private String restartFailureMessage;
    private long startMillis;
    private long endMillis = -1;
    /** Null if the job takes no checkpoints. */
    private final JobCheckpointing checkpointing;
    /** {@code state.savepoints.dir}: where savepoints go when no directory is given; may be null. */
    private final String savepointDirectory;
    /** The checkpoint the current (re)start restores from; chosen when the job (re)starts running. */
    private Optional<CompletedCheckpoint> restoreCheckpoint = Optional.empty();


    /**
     * @param clusterConfiguration the cluster's settings, under the job's own: restart strategy,
     *     failover strategy, blocking storage
     * @param slotRequestTimeout how long to wait for slots; zero fails at once when too few are free
     * @param completionExecutor completes the result future, so that callers' callbacks never run
     *     in a task's thread (which the callback might wait for, e.g. by shutting the cluster down);
     *     also runs delayed restarts
     * @throws org.millrace.configuration.IllegalConfigurationException if a restart or failover
     *     option is invalid, naming the key
     */
    public JobMaster(JobGraph jobGraph, Configuration clusterConfiguration, ResourceManager resourceManager,
                     Duration slotRequestTimeout, java.util.concurrent.Executor completionExecutor) {
        this(jobGraph, clusterConfiguration, resourceManager, slotRequestTimeout, completionExecutor,
                CheckpointRecoveryFactory.STANDALONE);
    }

    /**
     * @param checkpointRecovery where the job's checkpoint ids and completed checkpoints are recorded
     *     (chosen by the cluster's high-availability services)
     */
    public JobMaster(JobGraph jobGraph, Configuration clusterConfiguration, ResourceManager resourceManager,
                     Duration slotRequestTimeout, java.util.concurrent.Executor completionExecutor,
                     CheckpointRecoveryFactory checkpointRecovery) {
        this.jobGraph = jobGraph;
        this.completionExecutor = completionExecutor;
        this.resourceManager = resourceManager;
        this.slotRequestTimeout = slotRequestTimeout;
        this.blockingExchanges = usesBlockingExchanges(jobGraph);
        Configuration conf = jobGraph.getJobConfiguration();
        Configuration effective = new Configuration(clusterConfiguration);
        effective.addAll(conf);
        try {
            this.checkpointing = JobCheckpointing.createIfEnabled(jobGraph, effective, completionExecutor, this::failGlobally,
                    checkpointRecovery);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the checkpoint storage of job '" + jobGraph.getName() + "': "
                    + e.getMessage(), e);
        }
        this.savepointDirectory = effective.getOptional(org.millrace.configuration.CheckpointingOptions.SAVEPOINT_DIRECTORY)
                .orElse(null);
        FailoverTopology topology = JobGraphFailoverTopology.of(jobGraph, blockingExchanges);
        // pipelined: the whole job, as nothing could resume a region's state (no checkpoints yet)
        FailoverStrategyType failoverType = blockingExchanges
                ? effective.get(FailoverOptions.EXECUTION_FAILOVER_STRATEGY) : FailoverStrategyType.FULL;
        this.failureHandler = new ExecutionFailureHandler(topology,
                FailoverStrategy.create(failoverType, topology, this::isPartitionAvailable),
                RestartBackoffTimeStrategyFactoryLoader.createFactory(conf, clusterConfiguration, checkpointing != null).create());
        this.sharedBlockingStorage = BlockingStorageFactory.isShared(clusterConfiguration);
        this.bufferTimeout = conf.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
                ? conf.get(ExecutionOptions.BUFFER_TIMEOUT) : Duration.ofDays(365);
        this.graph = new ExecutionGraph(jobGraph);
        this.deployments = new TaskDeployments(jobGraph, graph, blockingExchanges, sharedBlockingStorage, bufferTimeout);
        stateTimestamps.put(JobStatus.CREATED, System.currentTimeMillis());
    }

    /** BATCH jobs spill their exchanges unless {@code execution.batch-shuffle-mode} says pipelined. */
    public static boolean usesBlockingExchanges(JobGraph jobGraph) {
        return jobGraph.getExecutionMode() == RuntimeExecutionMode.BATCH
                && jobGraph.getJobConfiguration().get(ExecutionOptions.BATCH_SHUFFLE_MODE) == BatchShuffleMode.ALL_EXCHANGES_BLOCKING;
    }

    /** Slots a job needs to run all its tasks at once with slot sharing: per slot sharing group, its largest parallelism. */
    public static int requiredSlots(JobGraph jobGraph) {
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        for (JobVertex v : jobGraph.getVertices()) {
            perGroup.merge(v.getSlotSharingGroup(), v.getParallelism(), Math::max);
        }
        return perGroup.values().stream().mapToInt(Integer::intValue).sum();
    }

    public JobGraph getJobGraph() {
        return jobGraph;
    }

    public CompletableFuture<JobExecutionResult> getResultFuture() {
        return result;
    }

    public synchronized JobStatus getStatus() {
        return status;
    }

    /** Requests the job's slots; the job starts running when they are granted. */
    public void start() {
        requestSlotsForAllTasks();
    }

    /** Asks for the job's slots (again, after a restart of a pipelined job); it runs when they are granted. */
    private void requestSlotsForAllTasks() {
        int required = requiredSlots(jobGraph);
        // stage by stage a job can run in one slot; pipelined it needs all of them at once
        int min = blockingExchanges ? 1 : required;
        resourceManager.requestSlots(jobGraph.getJobID(), jobGraph.getName(), min, required, slotRequestTimeout)
                .whenComplete((granted, error) -> {
                    if (error != null) {
                        failBeforeRunning(error);
                    } else {
                        slotsGranted(granted);
                    }
                    completeIfEnded();
                });
    }

    private synchronized void failBeforeRunning(Throwable error) {
        if (status != JobStatus.CREATED && status != JobStatus.RESTARTING) {
            return;
        }
        failureCause = error;
        recordException(null, null, error);
        for (ExecutionVertex s : graph.vertices()) {
            if (!s.state.isTerminal()) {
                s.state = s.state.transitionTo(ExecutionState.CANCELED);
            }
        }
        endJob(JobStatus.FAILED);
    }

    private synchronized void slotsGranted(List<SlotAssignment> granted) {
        addSlots(granted);
        if (status != JobStatus.CREATED && status != JobStatus.RESTARTING) { // cancelled while waiting
            resourceManager.releaseSlots(jobGraph.getJobID());
            return;
        }
        if (status == JobStatus.CREATED) {
            startMillis = System.currentTimeMillis();
        }
        setStatus(JobStatus.RUNNING);
        LOG.info("Job {} ({}) switched to RUNNING with {} tasks ({} exchanges, {} slots)", jobGraph.getName(),
                jobGraph.getJobID(), graph.size(), blockingExchanges ? "blocking" : "pipelined", granted.size());
        if (checkpointing != null) {
            restoreCheckpoint = checkpointing.latestUsableCheckpoint();
            checkpointing.getCoordinator().startCheckpointScheduler();
        }
        if (blockingExchanges) {
            freeSlots.addAll(granted);
        } else {
            assignSlotsBySharingGroup(granted);
        }
        deployRunnableSubtasks();
        growSlots();
    }

    private void addSlots(List<SlotAssignment> granted) {
        slots.addAll(granted);
        for (SlotAssignment slot : granted) {
            usedTaskExecutors.putIfAbsent(slot.taskExecutor().resourceId(), slot.taskExecutor());
        }
    }

    /** Pipelined: subtask i of every vertex in a slot sharing group shares the group's slot i. */
    private void assignSlotsBySharingGroup(List<SlotAssignment> granted) {
        Map<String, Integer> groupOffset = new LinkedHashMap<>();
        int next = 0;
        for (JobVertex v : jobGraph.getVertices()) {
            if (!groupOffset.containsKey(v.getSlotSharingGroup())) {
                groupOffset.put(v.getSlotSharingGroup(), next);
                next += jobGraph.getVertices().stream().filter(o -> o.getSlotSharingGroup().equals(v.getSlotSharingGroup()))
                        .mapToInt(JobVertex::getParallelism).max().orElse(0);
            }
        }
        for (ExecutionVertex s : graph.vertices()) {
            s.slot = granted.get(groupOffset.get(s.vertex.getSlotSharingGroup()) + s.index);
        }
    }

    private void setStatus(JobStatus next) {
        status = status.transitionTo(next);
        stateTimestamps.put(next, System.currentTimeMillis());
    }

    /** Deploys every subtask whose inputs are complete (blocking) or all of them (pipelined), within the free slots. */
    private void deployRunnableSubtasks() {
        deployRunnable();
        if (blockingExchanges) {
            releaseSurplusSlots();
        }
    }

    /**
     * Blocking exchanges: gives back free slots that no subtask still to run can use (later stages
     * of lower parallelism, the last stage running), so other jobs (or, on YARN, the cluster) get
     * them; a region restart asks for slots again if it needs them.
     */
    private void releaseSurplusSlots() {
        if (status != JobStatus.RUNNING || pendingRestart != null) {
            return;
        }
        long stillToRun = graph.stillToRun();
        if (freeSlots.size() > stillToRun && growing) {
            resourceManager.withdrawRequests(jobGraph.getJobID());
        }
        while (freeSlots.size() > stillToRun) {
            SlotAssignment surplus = freeSlots.remove(freeSlots.size() - 1);
            slots.remove(surplus);
            resourceManager.releaseSlot(jobGraph.getJobID(), surplus);
            LOG.debug("Job {} returned slot {}: {} subtasks still to run", jobGraph.getName(), surplus, stillToRun);
        }
    }

    /**
     * Blocking exchanges: a job starts as soon as it has one slot; while it holds fewer than its
     * parallelism needs and subtasks still to run outnumber its free slots, it asks for more (at
     * least one at a time, so on YARN a container is started for it) and takes what it gets.
     */
    private void growSlots() {
        if (!blockingExchanges || growing || status != JobStatus.RUNNING || pendingRestart != null) {
            return;
        }
        long wanted = Math.min(requiredSlots(jobGraph) - slots.size(), graph.stillToRun() - freeSlots.size());
        if (wanted <= 0) {
            return;
        }
        growing = true;
        resourceManager.requestSlots(jobGraph.getJobID(), jobGraph.getName(), 1, (int) wanted, slotRequestTimeout)
                .whenComplete((granted, error) -> {
                    synchronized (this) {
                        growing = false;
                        if (error != null) {
                            LOG.debug("Job {} got no more slots: {}", jobGraph.getName(), error.toString());
                        } else if (status != JobStatus.RUNNING || pendingRestart != null) {
                            granted.forEach(slot -> resourceManager.releaseSlot(jobGraph.getJobID(), slot));
                        } else {
                            LOG.info("Job {} got {} more slots", jobGraph.getName(), granted.size());
                            addSlots(granted);
                            freeSlots.addAll(granted);
                            deployRunnableSubtasks();
                            growSlots();
                        }
                    }
                    completeIfEnded();
                });
    }

    private void deployRunnable() {
        for (ExecutionVertex s : graph.vertices()) {
            if (status != JobStatus.RUNNING) {
                return;
            }
            if (s.state != ExecutionState.CREATED || s.deployed || s.restartPending || !inputsComplete(s.vertex)) {
                continue;
            }
            if (blockingExchanges) {
                if (freeSlots.isEmpty()) {
                    return;
                }
                s.slot = freeSlots.remove(0);
            }
            deploy(s);
        }
    }

    private boolean inputsComplete(JobVertex vertex) {
        if (!blockingExchanges) {
            return true;
        }
        for (int edgeId : vertex.getInputEdgeIds()) {
            if (!graph.allFinished(jobGraph.getEdge(edgeId).getSourceVertexId())) {
                return false;
            }
        }
        return true;
    }

    private void deploy(ExecutionVertex s) {
        s.deployed = true;
        s.startTime = System.currentTimeMillis();
        TaskDeploymentDescriptor descriptor = deployments.create(s,
                checkpointing == null ? null : checkpointing.forDeployment(s.vertex, restoreCheckpoint));
        checkpointUpdate(s);
        CompletableFuture<Void> submitted = s.slot.taskExecutor().gateway().submitTask(descriptor);
        if (submitted.isCompletedExceptionally()) {
            // rejected on the spot (in-process TaskExecutor): fail it here, the caller's loop then stops
            taskFailed(s, new TaskExecutionState(s.attemptId, ExecutionState.FAILED, submitted.handle((v, e) -> e).join(),
                    Map.of(), null));
            return;
        }
        String taskExecutor = s.slot.taskExecutor().resourceId();
        submitted.whenComplete((ok, error) -> {
            if (error != null) {
                forgetIfUnreachable(taskExecutor, error);
                updateTaskExecutionState(new TaskExecutionState(s.attemptId, ExecutionState.FAILED, error, Map.of(), null));
            }
        });
    }

    /**
     * For region failover: whether a restarted consumer can still read this blocking output. Only
     * a finished producer's output can be lost: with its TaskExecutor, unless it is on shared storage.
     */
    private boolean isPartitionAvailable(ResultPartitionKey key) {
        ExecutionVertex producer = graph.vertex(jobGraph.getEdge(key.edgeId()).getSourceVertexId(), key.producerSubtaskIndex());
        return producer.state != ExecutionState.FINISHED || sharedBlockingStorage
                || !lostTaskExecutors.contains(producer.slot.taskExecutor().resourceId());
    }


    /** A task's report: from its TaskExecutor's thread, or the RPC thread of a remote TaskExecutor. */
    public void updateTaskExecutionState(TaskExecutionState update) {
        synchronized (this) {
            ExecutionVertex s = graph.byAttempt(update.attemptId());
            if (s == null || s.state.isTerminal()) {
                LOG.debug("Ignoring state {} of unknown or ended attempt {}", update.state(), update.attemptId());
                return;
            }
            switch (update.state()) {
                case DEPLOYING, RUNNING -> {
                    if (s.state.ordinal() < update.state().ordinal()) {
                        s.state = s.state.transitionTo(update.state());
                        checkpointUpdate(s);
                    }
                }
                case FINISHED -> taskFinished(s, update);
                case FAILED, CANCELED -> taskFailed(s, update);
                default -> LOG.warn("Unexpected state report {} for {}", update.state(), s.name);
            }
        }
        completeIfEnded();
    }

    private void taskFinished(ExecutionVertex s, TaskExecutionState update) {
        s.advanceTo(ExecutionState.FINISHED);
        s.endTime = System.currentTimeMillis();
        s.finalMetrics = update.ioMetrics();
        s.accumulators = update.accumulators();
        graph.finished(s);
        checkpointUpdate(s);
        LOG.info("{} switched from RUNNING to FINISHED", s.name);
        returnSlot(s);
        if (s.restartPending) {
            scheduleRestartWhenQuiet();
        } else {
            deployRunnableSubtasks();
        }
        maybeEnd();
    }


    private void returnSlot(ExecutionVertex s) {
        if (blockingExchanges && s.slot != null && slots.contains(s.slot) && !freeSlots.contains(s.slot)) {
            freeSlots.add(s.slot);
        }
    }


    private void taskFailed(ExecutionVertex s, TaskExecutionState update) {
        boolean cancelled = update.state() == ExecutionState.CANCELED;
        s.advanceTo(update.state());
        s.endTime = System.currentTimeMillis();
        s.finalMetrics = update.ioMetrics();
        checkpointUpdate(s);
        returnSlot(s);
        if (s.restartPending) {
            LOG.debug("{} ended ({}) for a restart", s.name, update.state());
            scheduleRestartWhenQuiet();
        } else if (status == JobStatus.RUNNING && cancelled) {
            setStatus(JobStatus.CANCELLING);
            cancelOthers(s);
        } else if (status == JobStatus.RUNNING || status == JobStatus.RESTARTING) {
            handleFailure(s, update.error());
        } else {
            LOG.debug("{} ended ({}) after the job stopped running", s.name, update.state());
        }
        maybeEnd();
    }

    /** Asks the restart and failover strategies what a task failure means, and carries it out. */
    private void handleFailure(ExecutionVertex s, Throwable t) {
        recordException(s, s.slot, t);
        FailureHandlingResult decision = failureHandler.getFailureHandlingResult(s.id(), t, System.currentTimeMillis());
        if (!decision.canRestart()) {
            recordFailure(s, t, failureHandler.getNumberOfRestarts() == 0 ? null : decision.getFailureMessage());
            return;
        }
        List<ExecutionVertex> toRestart = graph.vertices().stream().filter(o -> decision.getSubtasksToRestart().contains(o.id())).toList();
        LOG.warn("{} switched from RUNNING to FAILED: {}", s.name, t.getMessage(), t);
        LOG.info("Restart {} of job {}: {} of {} subtasks in {} ms: {}", failureHandler.getNumberOfRestarts(),
                jobGraph.getName(), toRestart.size(), graph.size(), decision.getRestartDelayMillis(),
                toRestart.stream().map(o -> o.name).toList());
        if (!blockingExchanges && status == JobStatus.RUNNING) {
            setStatus(JobStatus.RESTARTING);
            stopCheckpoints("job " + jobGraph.getName() + " restarts after " + s.name + " failed");
        }
        if (pendingRestart == null) {
            pendingRestart = new PendingRestart();
        }
        pendingRestart.add(toRestart.stream().map(ExecutionVertex::id).toList(), decision.getRestartDelayMillis());
        for (ExecutionVertex o : toRestart) {
            o.restartPending = true;
            if (o.deployed && !o.state.isTerminal()) {
                cancelAttempt(o);
            }
        }
        scheduleRestartWhenQuiet();
    }

    /** Once every subtask to restart has stopped, runs the restart after the backoff. */
    private void scheduleRestartWhenQuiet() {
        PendingRestart restart = pendingRestart;
        if (restart == null || restart.isScheduled()) {
            return;
        }
        for (ExecutionVertex o : graph.vertices()) {
            if (restart.contains(o.id()) && o.deployed && !o.state.isTerminal()) {
                return;
            }
        }
        restart.markScheduled();
        java.util.concurrent.Executor later = java.util.concurrent.CompletableFuture.delayedExecutor(
                restart.delayMillis(), java.util.concurrent.TimeUnit.MILLISECONDS, completionExecutor);
        later.execute(() -> restart(restart));
    }

    /** Deploys new attempts of the pending restart's subtasks (asking for slots again where needed). */
    private void restart(PendingRestart restart) {
        synchronized (this) {
            if (pendingRestart != restart) {
                return; // the job was cancelled or failed meanwhile
            }
            for (ExecutionVertex s : graph.vertices()) {
                if (restart.contains(s.id()) && s.deployed && !s.state.isTerminal()) {
                    restart.markUnscheduled(); // joined by a later failure; scheduled again when that one stopped
                    return;
                }
            }
            pendingRestart = null;
            for (ExecutionVertex s : graph.vertices()) {
                if (restart.contains(s.id())) {
                    graph.resetForNewAttempt(s);
                    checkpointUpdate(s);
                }
            }
            if (blockingExchanges) {
                requestMissingSlots();
                deployRunnableSubtasks();
                return;
            }
            // pipelined: everything restarts, in fresh slots (the TaskExecutors keep the job's code and
            // drop its partitions only when it ends)
            slots.clear();
            freeSlots.clear();
            resourceManager.releaseSlots(jobGraph.getJobID());
        }
        requestSlotsForAllTasks();
    }

    /**
     * Blocking exchanges, at a restart: asks for the slots the subtasks still to run lack (lost with
     * a TaskExecutor, or given back as surplus), up to the job's maximum; takes what is free at once
     * and waits (up to {@code slot.request.timeout}) only if the job holds no slot at all.
     */
    private void requestMissingSlots() {
        long stillToRun = graph.stillToRun();
        int wanted = (int) Math.min(requiredSlots(jobGraph) - slots.size(), stillToRun - freeSlots.size());
        if (wanted <= 0) {
            return;
        }
        boolean mustWait = slots.isEmpty();
        resourceManager.requestSlots(jobGraph.getJobID(), jobGraph.getName(), mustWait ? 1 : 0, wanted,
                mustWait ? slotRequestTimeout : Duration.ZERO).whenComplete((granted, error) -> {
                    synchronized (this) {
                        if (error != null) {
                            if (mustWait && status == JobStatus.RUNNING) {
                                recordFailure(null, error, null);
                            }
                        } else if (status.isTerminal() || status == JobStatus.FAILING || status == JobStatus.CANCELLING) {
                            resourceManager.releaseSlots(jobGraph.getJobID());
                        } else {
                            addSlots(granted);
                            freeSlots.addAll(granted);
                            deployRunnableSubtasks();
                        }
                        maybeEnd();
                    }
                    completeIfEnded();
                });
    }

    /** The first failure the restart strategy does not allow to restart fails the job: cancel everything else. */
    private void recordFailure(ExecutionVertex s, Throwable t, String restartsExhausted) {
        setStatus(JobStatus.FAILING);
        pendingRestart = null;
        stopCheckpoints("job " + jobGraph.getName() + " fails");
        failureCause = t;
        failedTask = s == null ? null : s.name;
        restartFailureMessage = restartsExhausted;
        if (s == null) {
            recordException(null, null, t);
        }
        LOG.warn("{} switched from RUNNING to FAILED: {}", s == null ? "Job " + jobGraph.getName() : s.name,
                t.getMessage(), t);
        if (restartsExhausted != null) {
            LOG.warn("Job {} fails after {} restarts: {}", jobGraph.getName(), failureHandler.getNumberOfRestarts(),
                    restartsExhausted);
        }
        cancelOthers(s);
    }

    private void recordException(ExecutionVertex s, SlotAssignment slot, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        exceptionHistory.add(new ExceptionInfo(t.getClass().getName(), trace.toString(), System.currentTimeMillis(),
                s == null ? null : s.name, slot == null ? null : slot.taskExecutor().address()));
    }

    /**
     * No checkpoint may complete once the job is being cancelled or failing (e.g. suspended by a
     * JobManager that lost its leadership while a new leader restores the latest one).
     */
    private void stopCheckpoints(String reason) {
        if (checkpointing != null) {
            checkpointing.getCoordinator().stopCheckpointScheduler(reason);
        }
    }

    /** Keeps the checkpoint coordinator's view of the subtask current; under the lock. */
    private void checkpointUpdate(ExecutionVertex s) {
        if (checkpointing != null) {
            checkpointing.update(s);
        }
    }

    /** A subtask's state for a checkpoint; from its TaskExecutor (not under this object's lock). */
    public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
                                      Map<String, org.millrace.runtime.checkpoint.SubtaskState> states) {
        if (checkpointing != null) {
            checkpointing.acknowledge(attemptId, checkpointId, states);
        }
    }

    /** A subtask could not take part in a checkpoint. */
    public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, String reason) {
        if (checkpointing != null) {
            checkpointing.decline(attemptId, checkpointId, reason);
        }
    }

    /**
     * Takes a savepoint of the running job below {@code targetDirectory} (else {@code
     * state.savepoints.dir}); {@link SavepointType#STOP} cancels the job once it is written ({@code
     * flink stop}), {@link SavepointType#STOP_AND_DRAIN} lets the sources end their input with it so
     * the job finishes ({@code flink stop --drain}). Completes with the savepoint's directory.
     */
    public CompletableFuture<String> triggerSavepoint(String targetDirectory, SavepointType type) {
        if (checkpointing == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job '" + jobGraph.getName()
                    + "' takes no checkpoints; savepoints need execution.checkpointing.interval and state.checkpoints.dir"));
        }
        String target = targetDirectory != null ? targetDirectory
                : savepointDirectory;
        if (target == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("No savepoint directory: give one"
                    + " (flink savepoint <jobId> <targetDirectory>) or set state.savepoints.dir"));
        }
        // the coordinator completes the savepoint under its lock: continue elsewhere (lock order)
        return checkpointing.triggerSavepoint(target, type == SavepointType.STOP_AND_DRAIN).thenApplyAsync(path -> {
            LOG.info("Savepoint of job {} ({}) written to {}", jobGraph.getName(), jobGraph.getJobID(), path);
            if (type == SavepointType.STOP) {
                cancel();
            }
            return path;
        }, completionExecutor);
    }

    /** The checkpoint coordinator of the job, if it takes checkpoints (savepoints, REST, tests). */
    public Optional<org.millrace.runtime.checkpoint.CheckpointCoordinator> getCheckpointCoordinator() {
        return Optional.ofNullable(checkpointing).map(JobCheckpointing::getCoordinator);
    }

    /** A failure of the job as a whole (too many failed checkpoints): handled like a task failure, restarting all. */
    private void failGlobally(Throwable cause) {
        synchronized (this) {
            if (status != JobStatus.RUNNING) {
                return;
            }
            handleFailure(graph.vertices().get(0), cause);
            maybeEnd();
        }
        completeIfEnded();
    }

    /** A TaskExecutor running tasks of this job was lost: those tasks failed, its slots and local partitions are gone. */
    public void taskExecutorLost(String resourceId, Exception cause) {
        List<ExecutionAttemptID> lost = new ArrayList<>();
        synchronized (this) {
            lostTaskExecutors.add(resourceId);
            if (blockingExchanges) {
                List<SlotAssignment> gone = slots.stream().filter(a -> a.taskExecutor().resourceId().equals(resourceId)).toList();
                slots.removeAll(gone);
                freeSlots.removeAll(gone);
            }
            for (ExecutionVertex s : graph.vertices()) {
                if (s.deployed && !s.state.isTerminal() && s.slot.taskExecutor().resourceId().equals(resourceId)) {
                    lost.add(s.attemptId);
                }
            }
        }
        for (ExecutionAttemptID id : lost) {
            updateTaskExecutionState(new TaskExecutionState(id, ExecutionState.FAILED, new java.io.IOException(
                    "TaskExecutor " + resourceId + " was lost: " + cause.getMessage(), cause), Map.of(), null));
        }
    }

    /**
     * Stops the job as {@link #cancel()} does, but not for good: this JobManager lost its leadership
     * and the next leader recovers the job, so its checkpoints stay whatever the retention setting.
     */
    public void suspend() {
        synchronized (this) {
            suspending = true;
        }
        cancel();
    }

    /** Cancels the job: every running task is asked to stop, tasks not yet deployed never start. */
    public void cancel() {
        synchronized (this) {
            if (status == JobStatus.CREATED) {
                setStatus(JobStatus.CANCELED);
                endJob(JobStatus.CANCELED);
            } else if (status == JobStatus.RUNNING || status == JobStatus.RESTARTING) {
                setStatus(JobStatus.CANCELLING);
                pendingRestart = null;
                stopCheckpoints("job " + jobGraph.getName() + " is cancelled");
                cancelOthers(null);
                maybeEnd();
            }
        }
        completeIfEnded();
    }

    /** Cancels deployed subtasks; those never deployed are cancelled on the spot. */
    private void cancelOthers(ExecutionVertex except) {
        for (ExecutionVertex s : graph.vertices()) {
            if (s == except || s.state.isTerminal()) {
                continue;
            }
            if (s.deployed) {
                cancelAttempt(s);
            } else {
                s.state = s.state.transitionTo(ExecutionState.CANCELED);
            }
        }
    }

    /**
     * Asks the subtask's TaskExecutor to cancel its attempt. If the TaskExecutor cannot be reached
     * (its process died), the attempt counts as cancelled at once: waiting for the heartbeat to time
     * out would only delay a restart by {@code heartbeat.timeout}.
     */
    private void cancelAttempt(ExecutionVertex s) {
        ExecutionAttemptID attempt = s.attemptId;
        String taskExecutor = s.slot.taskExecutor().resourceId();
        s.slot.taskExecutor().gateway().cancelTask(attempt).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.info("Could not reach TaskExecutor {} to cancel {} ({}); it counts as cancelled", taskExecutor,
                        attempt, error.getMessage());
                forgetIfUnreachable(taskExecutor, error);
                updateTaskExecutionState(new TaskExecutionState(attempt, ExecutionState.CANCELED, null, Map.of(), null));
            }
        });
    }

    /**
     * A TaskExecutor that refuses connections (its process is gone) is taken out of the
     * ResourceManager now, so no restart is given its slots while its heartbeat has not yet timed out.
     */
    private void forgetIfUnreachable(String resourceId, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                resourceManager.unregisterTaskExecutor(resourceId, new java.io.IOException(
                        "TaskExecutor " + resourceId + " refuses connections: " + t.getMessage(), error));
                return;
            }
        }
    }

    /** Ends the job once every subtask is terminal and no restart is pending. */
    private void maybeEnd() {
        if (status.isTerminal() || pendingRestart != null || !graph.allTerminal()) {
            return;
        }
        switch (status) {
            case RUNNING -> endJob(JobStatus.FINISHED);
            case FAILING -> endJob(JobStatus.FAILED);
            case CANCELLING -> endJob(JobStatus.CANCELED);
            default -> LOG.debug("Every subtask of job {} is terminal in status {}", jobGraph.getName(), status);
        }
    }

    /** Releases partitions and slots and prepares the completion of the result future. */
    private void endJob(JobStatus terminal) {
        if (status != terminal) {
            setStatus(terminal);
        }
        if (checkpointing != null) {
            if (suspending) {
                checkpointing.close(); // the next leader restores from them
            } else {
                checkpointing.closeAfterJobEnded(terminal);
            }
        }
        endMillis = System.currentTimeMillis();
        releaseTaskExecutorsAndSlots();
        long runtime = startMillis == 0 ? 0 : endMillis - startMillis;
        switch (terminal) {
            case FINISHED -> {
                Map<String, Object> results = new HashMap<>();
                graph.mergedAccumulators().forEach((name, acc) -> results.put(name, acc.getLocalValue()));
                LOG.info("Job {} ({}) switched to FINISHED in {} ms", jobGraph.getName(), jobGraph.getJobID(), runtime);
                JobExecutionResult jobResult = new JobExecutionResult(jobGraph.getJobID(), runtime, results);
                pendingCompletion = () -> result.complete(jobResult);
            }
            case FAILED -> {
                String message = (failedTask == null
                        ? "Job '" + jobGraph.getName() + "' failed: " + failureCause.getMessage()
                        : "Job '" + jobGraph.getName() + "' failed: task '" + failedTask + "' failed: " + failureCause.getMessage())
                        + (restartFailureMessage == null ? ""
                                : " (after " + failureHandler.getNumberOfRestarts() + " restarts; " + restartFailureMessage + ")");
                LOG.info("Job {} ({}) switched to FAILED", jobGraph.getName(), jobGraph.getJobID());
                JobExecutionException failed = new JobExecutionException(jobGraph.getJobID(), message, failureCause);
                pendingCompletion = () -> result.completeExceptionally(failed);
            }
            case CANCELED -> {
                LOG.info("Job {} ({}) switched to CANCELED", jobGraph.getName(), jobGraph.getJobID());
                JobExecutionException cancelledJob = new JobExecutionException(jobGraph.getJobID(),
                        "Job '" + jobGraph.getName() + "' was cancelled", null);
                pendingCompletion = () -> result.completeExceptionally(cancelledJob);
            }
            default -> throw new IllegalStateException("Not a terminal status: " + terminal);
        }
    }

    /** Frees what the job holds on its TaskExecutors (partitions, class loaders) and returns its slots. */
    private void releaseTaskExecutorsAndSlots() {
        resourceManager.withdrawRequests(jobGraph.getJobID());
        for (TaskExecutorRegistration te : usedTaskExecutors.values()) {
            if (!lostTaskExecutors.contains(te.resourceId())) {
                te.gateway().releaseJob(jobGraph.getJobID());
            }
        }
        slots.clear();
        freeSlots.clear();
        resourceManager.releaseSlots(jobGraph.getJobID());
    }

    /**
     * Completes the result future once the job has ended, outside this object's lock and in the
     * completion executor, so callbacks (the cluster shutting down, user code) never run while the
     * lock is held or in a task thread.
     */
    private void completeIfEnded() {
        Runnable completion;
        synchronized (this) {
            completion = pendingCompletion;
            pendingCompletion = null;
        }
        if (completion != null) {
            completionExecutor.execute(completion);
        }
    }

    /**
     * Busy / idle / back-pressured time per subtask, by task name (e.g. "Map (2/4)"): the final
     * figures of ended tasks, the running ones' asked from their TaskExecutors.
     */
    public Map<String, TaskIOMetrics.Snapshot> getTaskIOMetrics() {
        Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> live = collectLiveMetrics();
        Map<String, TaskIOMetrics.Snapshot> metrics = new LinkedHashMap<>();
        synchronized (this) {
            for (ExecutionVertex s : graph.vertices()) {
                TaskIOMetrics.Snapshot snapshot = s.finalMetrics != null ? s.finalMetrics : live.get(s.attemptId);
                if (snapshot != null) {
                    metrics.put(s.name, snapshot);
                }
            }
        }
        return metrics;
    }

    private Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> collectLiveMetrics() {
        List<TaskExecutorRegistration> hosts;
        synchronized (this) {
            hosts = slots.stream().map(SlotAssignment::taskExecutor).distinct().toList();
        }
        Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> live = new HashMap<>();
        for (TaskExecutorRegistration te : hosts) {
            try {
                live.putAll(te.gateway().requestTaskMetrics(jobGraph.getJobID()).get(10, java.util.concurrent.TimeUnit.SECONDS));
            } catch (Exception e) {
                LOG.debug("Could not get task metrics from {}: {}", te.resourceId(), e.toString());
            }
        }
        return live;
    }

    /** The job as the REST API shows it. */
    public JobInfo snapshot() {
        Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> live = collectLiveMetrics();
        synchronized (this) {
            List<VertexInfo> vertices = graph.describe(jobGraph, live);
            long start = stateTimestamps.get(JobStatus.CREATED);
            return new JobInfo(jobGraph.getJobID(), jobGraph.getName(), status, start, endMillis,
                    new EnumMap<>(stateTimestamps), vertices, List.copyOf(exceptionHistory));
        }
    }

    /** A vertex's id in the REST API: 32 hex digits, unique within the job. */
    public static String vertexId(JobVertex vertex) {
        return String.format("%032x", vertex.getId());
    }
}
