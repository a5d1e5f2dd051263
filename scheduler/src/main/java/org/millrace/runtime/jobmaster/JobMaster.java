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
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.BatchShuffleMode;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.runtime.dispatcher.ExceptionInfo;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.SubtaskInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.resourcemanager.SlotAssignment;
import org.millrace.runtime.resourcemanager.TaskExecutorRegistration;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.runtime.taskexecutor.TaskDeploymentDescriptor;
import org.millrace.runtime.taskexecutor.TaskExecutionState;
import org.millrace.shuffle.ProducerLocation;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on the cluster: asks the ResourceManager for slots, deploys a task per parallel
 * subtask to the TaskExecutors owning them (all at once for pipelined exchanges; stage by stage,
 * as blocking inputs complete, for BATCH), follows the tasks' state reports, fails the job on the
 * first task failure (cancelling the rest), and completes the result future once every task has
 * reached a terminal state — then the job's partitions and slots are released.
 */
public final class JobMaster {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final ResourceManager resourceManager;
    private final Duration slotRequestTimeout;
    private final java.util.concurrent.Executor completionExecutor;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final List<Subtask> subtasks = new ArrayList<>();
    private final Map<ExecutionAttemptID, Subtask> byAttempt = new HashMap<>();
    private final Map<Integer, Integer> unfinishedSubtasks = new HashMap<>();
    private final boolean blockingExchanges;
    private final Duration bufferTimeout;
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private final Map<JobStatus, Long> stateTimestamps = new EnumMap<>(JobStatus.class);
    private final List<ExceptionInfo> exceptionHistory = new ArrayList<>();
    /** Slots held by this job; with blocking exchanges the free ones are handed to runnable subtasks. */
    private final List<SlotAssignment> slots = new ArrayList<>();
    private final List<SlotAssignment> freeSlots = new ArrayList<>();
    /** Set (under the lock) when the job ended; run by {@link #completeIfEnded()} outside it. */
    private Runnable pendingCompletion;
    private JobStatus status = JobStatus.CREATED;
    private Throwable failureCause;
    private String failedTask;
    private long startMillis;
    private long endMillis = -1;
    private int terminalTasks;

    /** One parallel subtask and its (single, for now) execution attempt. */
    private static final class Subtask {
        final JobVertex vertex;
        final int index;
        final String name;
        final ExecutionAttemptID attemptId;
        SlotAssignment slot;
        ExecutionState state = ExecutionState.CREATED;
        boolean deployed;
        long startTime = -1;
        long endTime = -1;
        TaskIOMetrics.Snapshot finalMetrics;

        Subtask(JobGraph jobGraph, JobVertex vertex, int index) {
            this.vertex = vertex;
            this.index = index;
            this.name = vertex.getName() + " (" + (index + 1) + "/" + vertex.getParallelism() + ")";
            this.attemptId = new ExecutionAttemptID(jobGraph.getJobID(), vertex.getId(), index, 0);
        }
    }

    /**
     * @param slotRequestTimeout how long to wait for slots; zero fails at once when too few are free
     * @param completionExecutor completes the result future, so that callers' callbacks never run
     *     in a task's thread (which the callback might wait for, e.g. by shutting the cluster down)
     */
    public JobMaster(JobGraph jobGraph, ResourceManager resourceManager, Duration slotRequestTimeout,
                     java.util.concurrent.Executor completionExecutor) {
        this.jobGraph = jobGraph;
        this.completionExecutor = completionExecutor;
        this.resourceManager = resourceManager;
        this.slotRequestTimeout = slotRequestTimeout;
        this.blockingExchanges = usesBlockingExchanges(jobGraph);
        Configuration conf = jobGraph.getJobConfiguration();
        this.bufferTimeout = conf.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
                ? conf.get(ExecutionOptions.BUFFER_TIMEOUT) : Duration.ofDays(365);
        for (JobVertex vertex : jobGraph.getVertices()) {
            unfinishedSubtasks.put(vertex.getId(), vertex.getParallelism());
            for (int i = 0; i < vertex.getParallelism(); i++) {
                Subtask s = new Subtask(jobGraph, vertex, i);
                subtasks.add(s);
                byAttempt.put(s.attemptId, s);
            }
        }
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
        if (status != JobStatus.CREATED) {
            return;
        }
        failureCause = error;
        recordException(null, null, error);
        endJob(JobStatus.FAILED);
    }

    private synchronized void slotsGranted(List<SlotAssignment> granted) {
        slots.addAll(granted);
        if (status != JobStatus.CREATED) { // cancelled while waiting
            resourceManager.releaseSlots(jobGraph.getJobID());
            return;
        }
        startMillis = System.currentTimeMillis();
        setStatus(JobStatus.RUNNING);
        LOG.info("Job {} ({}) switched to RUNNING with {} tasks ({} exchanges, {} slots)", jobGraph.getName(),
                jobGraph.getJobID(), subtasks.size(), blockingExchanges ? "blocking" : "pipelined", granted.size());
        if (blockingExchanges) {
            freeSlots.addAll(granted);
        } else {
            assignSlotsBySharingGroup(granted);
        }
        deployRunnableSubtasks();
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
        for (Subtask s : subtasks) {
            s.slot = granted.get(groupOffset.get(s.vertex.getSlotSharingGroup()) + s.index);
        }
    }

    private void setStatus(JobStatus next) {
        status = status.transitionTo(next);
        stateTimestamps.put(next, System.currentTimeMillis());
    }

    /** Deploys every subtask whose inputs are complete (blocking) or all of them (pipelined), within the free slots. */
    private void deployRunnableSubtasks() {
        for (Subtask s : subtasks) {
            if (status != JobStatus.RUNNING) {
                return;
            }
            if (s.state != ExecutionState.CREATED || s.deployed || !inputsComplete(s.vertex)) {
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
            if (unfinishedSubtasks.get(jobGraph.getEdge(edgeId).getSourceVertexId()) > 0) {
                return false;
            }
        }
        return true;
    }

    private void deploy(Subtask s) {
        s.deployed = true;
        s.startTime = System.currentTimeMillis();
        TaskDeploymentDescriptor descriptor = createDeploymentDescriptor(s);
        CompletableFuture<Void> submitted = s.slot.taskExecutor().gateway().submitTask(descriptor);
        if (submitted.isCompletedExceptionally()) {
            // rejected on the spot (in-process TaskExecutor): fail it here, the caller's loop then stops
            taskFailed(s, new TaskExecutionState(s.attemptId, ExecutionState.FAILED, submitted.handle((v, e) -> e).join(),
                    Map.of(), null));
            return;
        }
        submitted.whenComplete((ok, error) -> {
            if (error != null) {
                updateTaskExecutionState(new TaskExecutionState(s.attemptId, ExecutionState.FAILED, error, Map.of(), null));
            }
        });
    }

    private TaskDeploymentDescriptor createDeploymentDescriptor(Subtask s) {
        List<JobEdge> outEdges = s.vertex.getOutputEdgeIds().stream().map(jobGraph::getEdge).toList();
        List<JobEdge> inEdges = s.vertex.getInputEdgeIds().stream().map(jobGraph::getEdge).toList();
        List<TaskDeploymentDescriptor.OutputPartition> outputs = new ArrayList<>();
        for (JobEdge edge : outEdges) {
            int consumers = jobGraph.getVertex(edge.getTargetVertexId()).getParallelism();
            outputs.add(new TaskDeploymentDescriptor.OutputPartition(partitionId(edge.getId(), s.index), consumers,
                    blockingExchanges));
        }
        List<List<ProducerLocation>> inputs = new ArrayList<>();
        for (JobEdge edge : inEdges) {
            List<ProducerLocation> producers = new ArrayList<>();
            for (Subtask p : subtasksOf(edge.getSourceVertexId())) {
                producers.add(locate(partitionId(edge.getId(), p.index), p.slot, s.slot));
            }
            inputs.add(producers);
        }
        return new TaskDeploymentDescriptor(jobGraph.getJobID(), jobGraph.getName(), s.attemptId, s.vertex, s.index,
                s.attemptId.attemptNumber(), jobGraph.getExecutionMode(), outEdges, outputs, inEdges, inputs, bufferTimeout);
    }

    /** Local when producer and consumer share a TaskExecutor, else read from the producer's shuffle server. */
    private static ProducerLocation locate(ResultPartitionID partition, SlotAssignment producer, SlotAssignment consumer) {
        TaskExecutorRegistration producerTe = producer.taskExecutor();
        if (producerTe.resourceId().equals(consumer.taskExecutor().resourceId())) {
            return ProducerLocation.local(partition);
        }
        return ProducerLocation.remote(partition, producerTe.dataAddress());
    }

    private List<Subtask> subtasksOf(int vertexId) {
        return subtasks.stream().filter(s -> s.vertex.getId() == vertexId).toList();
    }

    private ResultPartitionID partitionId(int edgeId, int producerSubtask) {
        return new ResultPartitionID(jobGraph.getJobID() + "-edge" + edgeId + "-" + producerSubtask, "attempt-0");
    }

    /** A task's report: from its TaskExecutor's thread, or the RPC thread of a remote TaskExecutor. */
    public void updateTaskExecutionState(TaskExecutionState update) {
        synchronized (this) {
            Subtask s = byAttempt.get(update.attemptId());
            if (s == null || s.state.isTerminal()) {
                LOG.debug("Ignoring state {} of unknown or ended attempt {}", update.state(), update.attemptId());
                return;
            }
            switch (update.state()) {
                case DEPLOYING, RUNNING -> {
                    if (s.state.ordinal() < update.state().ordinal()) {
                        s.state = s.state.transitionTo(update.state());
                    }
                }
                case FINISHED -> taskFinished(s, update);
                case FAILED, CANCELED -> taskFailed(s, update);
                default -> LOG.warn("Unexpected state report {} for {}", update.state(), s.name);
            }
        }
        completeIfEnded();
    }

    private void taskFinished(Subtask s, TaskExecutionState update) {
        advanceTo(s, ExecutionState.FINISHED);
        s.endTime = System.currentTimeMillis();
        s.finalMetrics = update.ioMetrics();
        unfinishedSubtasks.merge(s.vertex.getId(), -1, Integer::sum);
        mergeAccumulators(update.accumulators());
        LOG.info("{} switched from RUNNING to FINISHED", s.name);
        returnSlot(s);
        taskTerminated();
        deployRunnableSubtasks();
    }

    /** Moves through the intermediate states a report may have skipped (a remote task's updates can be coalesced). */
    private static void advanceTo(Subtask s, ExecutionState terminal) {
        if (terminal == ExecutionState.FINISHED) {
            while (s.state != ExecutionState.RUNNING) {
                s.state = s.state.transitionTo(s.state == ExecutionState.CREATED ? ExecutionState.DEPLOYING : ExecutionState.RUNNING);
            }
        }
        s.state = s.state.transitionTo(terminal);
    }

    private void returnSlot(Subtask s) {
        if (blockingExchanges && s.slot != null && !freeSlots.contains(s.slot)) {
            freeSlots.add(s.slot);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void mergeAccumulators(Map<String, Accumulator<?, ?>> taskAccumulators) {
        for (Map.Entry<String, Accumulator<?, ?>> e : taskAccumulators.entrySet()) {
            Accumulator existing = accumulators.get(e.getKey());
            if (existing == null) {
                accumulators.put(e.getKey(), e.getValue().clone());
            } else {
                existing.merge((Accumulator) e.getValue());
            }
        }
    }

    private void taskFailed(Subtask s, TaskExecutionState update) {
        boolean cancelled = update.state() == ExecutionState.CANCELED;
        advanceTo(s, update.state());
        s.endTime = System.currentTimeMillis();
        s.finalMetrics = update.ioMetrics();
        returnSlot(s);
        if (status == JobStatus.RUNNING && cancelled) {
            setStatus(JobStatus.CANCELLING);
            cancelOthers(s);
        } else if (status == JobStatus.RUNNING) {
            recordFailure(s, update.error());
        } else {
            LOG.debug("{} ended ({}) after the job stopped running", s.name, update.state());
        }
        taskTerminated();
    }

    /** The first failure fails the job: remember it and cancel everything else. */
    private void recordFailure(Subtask s, Throwable t) {
        setStatus(JobStatus.FAILING);
        failureCause = t;
        failedTask = s.name;
        recordException(s, s.slot, t);
        LOG.warn("{} switched from RUNNING to FAILED: {}", failedTask, t.getMessage(), t);
        cancelOthers(s);
    }

    private void recordException(Subtask s, SlotAssignment slot, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        exceptionHistory.add(new ExceptionInfo(t.getClass().getName(), trace.toString(), System.currentTimeMillis(),
                s == null ? null : s.name, slot == null ? null : slot.taskExecutor().address()));
    }

    /** A TaskExecutor running tasks of this job was lost: those tasks failed. */
    public void taskExecutorLost(String resourceId, Exception cause) {
        List<ExecutionAttemptID> lost = new ArrayList<>();
        synchronized (this) {
            for (Subtask s : subtasks) {
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

    /** Cancels the job: every running task is asked to stop, tasks not yet deployed never start. */
    public void cancel() {
        synchronized (this) {
            if (status == JobStatus.CREATED) {
                setStatus(JobStatus.CANCELED);
                endJob(JobStatus.CANCELED);
            } else if (status == JobStatus.RUNNING) {
                setStatus(JobStatus.CANCELLING);
                cancelOthers(null);
            }
        }
        completeIfEnded();
    }

    /** Cancels deployed subtasks; those never deployed are cancelled on the spot. */
    private void cancelOthers(Subtask except) {
        for (Subtask s : subtasks) {
            if (s == except || s.state.isTerminal()) {
                continue;
            }
            if (s.deployed) {
                s.slot.taskExecutor().gateway().cancelTask(s.attemptId);
            } else {
                s.state = s.state.transitionTo(ExecutionState.CANCELED);
                taskTerminated();
            }
        }
    }

    private void taskTerminated() {
        terminalTasks++;
        if (terminalTasks < subtasks.size()) {
            return;
        }
        switch (status) {
            case RUNNING -> endJob(JobStatus.FINISHED);
            case FAILING -> endJob(JobStatus.FAILED);
            case CANCELLING -> endJob(JobStatus.CANCELED);
            default -> throw new IllegalStateException("Job ended in unexpected status " + status);
        }
    }

    /** Releases partitions and slots and prepares the completion of the result future. */
    private void endJob(JobStatus terminal) {
        if (status != terminal) {
            setStatus(terminal);
        }
        endMillis = System.currentTimeMillis();
        for (TaskExecutorRegistration te : slots.stream().map(SlotAssignment::taskExecutor).distinct().toList()) {
            te.gateway().releaseJob(jobGraph.getJobID());
        }
        resourceManager.releaseSlots(jobGraph.getJobID());
        long runtime = startMillis == 0 ? 0 : endMillis - startMillis;
        switch (terminal) {
            case FINISHED -> {
                Map<String, Object> results = new HashMap<>();
                accumulators.forEach((name, acc) -> results.put(name, acc.getLocalValue()));
                LOG.info("Job {} ({}) switched to FINISHED in {} ms", jobGraph.getName(), jobGraph.getJobID(), runtime);
                JobExecutionResult jobResult = new JobExecutionResult(jobGraph.getJobID(), runtime, results);
                pendingCompletion = () -> result.complete(jobResult);
            }
            case FAILED -> {
                String message = failedTask == null
                        ? "Job '" + jobGraph.getName() + "' failed: " + failureCause.getMessage()
                        : "Job '" + jobGraph.getName() + "' failed: task '" + failedTask + "' failed: " + failureCause.getMessage();
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
            for (Subtask s : subtasks) {
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
            List<VertexInfo> vertices = new ArrayList<>();
            for (JobVertex v : jobGraph.getVertices()) {
                List<SubtaskInfo> infos = new ArrayList<>();
                ExecutionState aggregate = ExecutionState.FINISHED;
                for (Subtask s : subtasksOf(v.getId())) {
                    TaskIOMetrics.Snapshot m = s.finalMetrics != null ? s.finalMetrics : live.get(s.attemptId);
                    infos.add(new SubtaskInfo(s.index, s.state, s.attemptId.attemptNumber(),
                            s.slot == null ? "-" : s.slot.taskExecutor().address(),
                            s.slot == null ? "-" : s.slot.taskExecutor().resourceId(), s.startTime, s.endTime, 0, 0,
                            m == null ? 0 : m.busyRatio(), m == null ? 0 : m.idleRatio(), m == null ? 0 : m.backPressuredRatio()));
                    if (s.state.ordinal() < aggregate.ordinal()) {
                        aggregate = s.state;
                    }
                }
                vertices.add(new VertexInfo(vertexId(v), v.getName(), v.getParallelism(), v.getMaxParallelism(), aggregate, infos));
            }
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
