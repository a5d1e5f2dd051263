package org.millrace.runtime.minicluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.io.network.InputGate;
import org.millrace.runtime.io.network.ResultPartitionWriter;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.gate.UnionInputGate;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.streaming.runtime.tasks.StreamTask;
import org.millrace.streaming.runtime.tasks.TaskCancelledException;
import org.millrace.streaming.runtime.tasks.TaskSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job running on the embedded cluster: deploys a task per parallel subtask (producers' result
 * partitions are registered before any consumer connects), follows their states, fails the job on
 * the first task failure (cancelling the rest), and completes the result future when every task
 * has reached a terminal state.
 */
final class JobExecution {

    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

    private final JobGraph jobGraph;
    private final TaskExecutorServices services;
    private final ClassLoader userCodeClassLoader;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final List<Subtask> subtasks = new ArrayList<>();
    private final Map<String, ResultPartitionWriter> partitions = new LinkedHashMap<>();
    private final List<ResultPartitionID> partitionIds = new ArrayList<>();
    private final Map<Integer, Integer> unfinishedSubtasks = new HashMap<>();
    private final int slots;
    private final boolean blockingExchanges;
    private Duration bufferTimeout;
    private int runningTasks;
    /** Set (under the lock) when the job ended; run by {@link #completeIfEnded()} outside it. */
    private Runnable pendingCompletion;
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private JobStatus status = JobStatus.CREATED;
    private Throwable failureCause;
    private String failedTask;
    private long startMillis;
    private int terminalTasks;

    /** One parallel subtask: created up front, deployed (task + thread) when it may run. */
    private static final class Subtask {
        final JobVertex vertex;
        final int index;
        final String name;
        StreamTask task;
        Thread thread;
        ExecutionState state = ExecutionState.CREATED;

        Subtask(JobVertex vertex, int index) {
            this.vertex = vertex;
            this.index = index;
            this.name = vertex.getName() + " (" + (index + 1) + "/" + vertex.getParallelism() + ")";
        }
    }

    /**
     * @param slots how many subtasks may run at once; with blocking exchanges the job runs stage by
     *     stage within them, with pipelined exchanges every subtask needs one
     */
    JobExecution(JobGraph jobGraph, TaskExecutorServices services, ClassLoader userCodeClassLoader, int slots) {
        this.jobGraph = jobGraph;
        this.services = services;
        this.userCodeClassLoader = userCodeClassLoader;
        this.slots = slots;
        this.blockingExchanges = usesBlockingExchanges(jobGraph);
    }

    /** BATCH jobs spill their exchanges unless {@code execution.batch-shuffle-mode} says pipelined. */
    static boolean usesBlockingExchanges(JobGraph jobGraph) {
        return jobGraph.getExecutionMode() == RuntimeExecutionMode.BATCH
                && jobGraph.getJobConfiguration().get(ExecutionOptions.BATCH_SHUFFLE_MODE) == BatchShuffleMode.ALL_EXCHANGES_BLOCKING;
    }

    CompletableFuture<JobExecutionResult> getResultFuture() {
        return result;
    }

    synchronized JobStatus getStatus() {
        return status;
    }

    /** Busy / idle / back-pressured time per deployed subtask, by task name (e.g. "Map (2/4)"). */
    synchronized Map<String, TaskIOMetrics.Snapshot> getTaskIOMetrics() {
        Map<String, TaskIOMetrics.Snapshot> result = new LinkedHashMap<>();
        for (Subtask s : subtasks) {
            if (s.task != null) {
                result.put(s.name, s.task.getIOMetrics().snapshot());
            }
        }
        return result;
    }

    /**
     * Registers every result partition, then deploys the subtasks that may run now. If that fails,
     * the partitions registered so far are released again.
     */
    void start() throws IOException {
        try {
            registerAndDeploy();
        } catch (IOException | RuntimeException e) {
            releasePartitions();
            throw e;
        }
        completeIfEnded();
    }

    private void registerAndDeploy() throws IOException {
        Configuration conf = jobGraph.getJobConfiguration();
        bufferTimeout = conf.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
                ? conf.get(ExecutionOptions.BUFFER_TIMEOUT) : Duration.ofDays(365);
        ShuffleEnvironment shuffle = services.getShuffleEnvironment();
        for (JobVertex vertex : jobGraph.getVertices()) {
            for (int edgeId : vertex.getOutputEdgeIds()) {
                JobEdge edge = jobGraph.getEdge(edgeId);
                int consumers = jobGraph.getVertex(edge.getTargetVertexId()).getParallelism();
                for (int i = 0; i < vertex.getParallelism(); i++) {
                    String owner = vertex.getName() + " (" + (i + 1) + "/" + vertex.getParallelism() + ")";
                    ResultPartitionID id = partitionId(edgeId, i);
                    // blocking files stay until the job ends, so a re-run consumer could read them again
                    partitions.put(edgeId + "/" + i, blockingExchanges
                            ? shuffle.createBlockingResultPartition(id, consumers, owner, false)
                            : shuffle.createResultPartition(id, consumers, owner));
                    partitionIds.add(id);
                }
            }
            unfinishedSubtasks.put(vertex.getId(), vertex.getParallelism());
            for (int i = 0; i < vertex.getParallelism(); i++) {
                subtasks.add(new Subtask(vertex, i));
            }
        }
        startMillis = System.currentTimeMillis();
        synchronized (this) {
            status = status.transitionTo(JobStatus.RUNNING);
            LOG.info("Job {} ({}) switched to RUNNING with {} tasks ({} exchanges, {} slots)", jobGraph.getName(),
                    jobGraph.getJobID(), subtasks.size(), blockingExchanges ? "blocking" : "pipelined", slots);
            deployRunnableSubtasks();
        }
    }

    /** Deploys, within the free slots, every subtask whose inputs are complete (blocking) or all (pipelined). */
    private void deployRunnableSubtasks() {
        for (Subtask s : subtasks) {
            if (status != JobStatus.RUNNING || runningTasks >= slots) {
                return;
            }
            if (s.state == ExecutionState.CREATED && s.task == null && inputsComplete(s.vertex)) {
                try {
                    deploy(s);
                } catch (IOException | RuntimeException e) {
                    s.state = s.state.transitionTo(ExecutionState.FAILED);
                    recordFailure(s, new IOException("Could not deploy " + s.name + ": " + e.getMessage(), e));
                    taskTerminated();
                    return;
                }
            }
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

    private void deploy(Subtask s) throws IOException {
        List<JobEdge> outEdges = s.vertex.getOutputEdgeIds().stream().map(jobGraph::getEdge).toList();
        List<JobEdge> inEdges = s.vertex.getInputEdgeIds().stream().map(jobGraph::getEdge).toList();
        List<ResultPartitionWriter> outputs = new ArrayList<>();
        for (JobEdge edge : outEdges) {
            outputs.add(partitions.get(edge.getId() + "/" + s.index));
        }
        InputGate input = createInputGate(services.getShuffleEnvironment(), s.name, inEdges, s.index);
        TaskSetup setup = new TaskSetup(jobGraph.getName(), s.vertex, s.index, 0, jobGraph.getExecutionMode(), outEdges,
                outputs, inEdges, input, bufferTimeout, services.getTimerService(), userCodeClassLoader);
        s.task = new StreamTask(setup);
        s.thread = new Thread(() -> runTask(s), s.name);
        s.thread.setContextClassLoader(userCodeClassLoader);
        s.thread.start();
        runningTasks++;
    }

    private ResultPartitionID partitionId(int edgeId, int producerSubtask) {
        return new ResultPartitionID(jobGraph.getJobID() + "-edge" + edgeId + "-" + producerSubtask, "attempt-0");
    }

    private InputGate createInputGate(ShuffleEnvironment shuffle, String taskName, List<JobEdge> inEdges, int subtaskIndex)
            throws IOException {
        if (inEdges.isEmpty()) {
            return null;
        }
        List<InputGate> gates = new ArrayList<>();
        for (int g = 0; g < inEdges.size(); g++) {
            JobEdge edge = inEdges.get(g);
            int producers = jobGraph.getVertex(edge.getSourceVertexId()).getParallelism();
            List<ResultPartitionID> ids = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                ids.add(partitionId(edge.getId(), p));
            }
            gates.add(shuffle.createInputGate(taskName, g, ids, subtaskIndex));
        }
        return gates.size() == 1 ? gates.get(0) : new UnionInputGate(gates);
    }

    /** At the end of the job nothing may read its exchanges any more: spill files are deleted. */
    private void releasePartitions() {
        for (ResultPartitionID id : partitionIds) {
            services.getShuffleEnvironment().getResultPartitionManager()
                    .releasePartition(id, new IllegalStateException("job " + jobGraph.getJobID() + " ended"));
        }
    }

    private void runTask(Subtask subtask) {
        transition(subtask, ExecutionState.DEPLOYING);
        transition(subtask, ExecutionState.RUNNING);
        try {
            subtask.task.invoke();
            taskFinished(subtask);
        } catch (Throwable t) {
            taskFailed(subtask, t);
        }
        completeIfEnded();
    }

    /**
     * Completes the result future once the job has ended, outside this object's lock, so callbacks
     * (the cluster releasing slots, user code) never run while the lock is held.
     */
    private void completeIfEnded() {
        Runnable completion;
        synchronized (this) {
            completion = pendingCompletion;
            pendingCompletion = null;
        }
        if (completion != null) {
            completion.run();
        }
    }

    private synchronized void transition(Subtask subtask, ExecutionState next) {
        subtask.state = subtask.state.transitionTo(next);
    }

    private synchronized void taskFinished(Subtask subtask) {
        subtask.state = subtask.state.transitionTo(ExecutionState.FINISHED);
        runningTasks--;
        unfinishedSubtasks.merge(subtask.vertex.getId(), -1, Integer::sum);
        mergeAccumulators(subtask.task.getAccumulators());
        LOG.info("{} switched from RUNNING to FINISHED", subtask.name);
        taskTerminated();
        deployRunnableSubtasks();
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

    private synchronized void taskFailed(Subtask subtask, Throwable t) {
        boolean cancelled = t instanceof TaskCancelledException;
        subtask.state = subtask.state.transitionTo(cancelled ? ExecutionState.CANCELED : ExecutionState.FAILED);
        runningTasks--;
        if (status == JobStatus.RUNNING && cancelled) {
            status = status.transitionTo(JobStatus.CANCELLING);
            cancelOthers(subtask);
        } else if (status == JobStatus.RUNNING) {
            recordFailure(subtask, t);
        } else {
            LOG.debug("{} ended after the job stopped running: {}", subtask.name, t.toString());
        }
        taskTerminated();
    }

    /** The first failure fails the job: remember it and cancel everything else. */
    private void recordFailure(Subtask subtask, Throwable t) {
        status = status.transitionTo(JobStatus.FAILING);
        failureCause = t;
        failedTask = subtask.name;
        LOG.warn("{} switched from RUNNING to FAILED: {}", failedTask, t.getMessage(), t);
        cancelOthers(subtask);
    }

    /** Cancels the job: every running task is asked to stop, tasks not yet deployed never start. */
    void cancel() {
        synchronized (this) {
            if (status == JobStatus.RUNNING) {
                status = status.transitionTo(JobStatus.CANCELLING);
                cancelOthers(null);
            }
        }
        completeIfEnded();
    }

    /** Cancels running subtasks; those never deployed are cancelled on the spot. */
    private void cancelOthers(Subtask except) {
        for (Subtask s : subtasks) {
            if (s == except || s.state.isTerminal()) {
                continue;
            }
            if (s.task != null) {
                s.task.cancel();
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
        releasePartitions();
        long runtime = System.currentTimeMillis() - startMillis;
        switch (status) {
            case RUNNING -> {
                status = status.transitionTo(JobStatus.FINISHED);
                Map<String, Object> results = new HashMap<>();
                accumulators.forEach((name, acc) -> results.put(name, acc.getLocalValue()));
                LOG.info("Job {} ({}) switched to FINISHED in {} ms", jobGraph.getName(), jobGraph.getJobID(), runtime);
                JobExecutionResult jobResult = new JobExecutionResult(jobGraph.getJobID(), runtime, results);
                pendingCompletion = () -> result.complete(jobResult);
            }
            case FAILING -> {
                status = status.transitionTo(JobStatus.FAILED);
                JobExecutionException failed = new JobExecutionException(jobGraph.getJobID(),
                        "Job '" + jobGraph.getName() + "' failed: task '" + failedTask + "' failed: " + failureCause.getMessage(),
                        failureCause);
                pendingCompletion = () -> result.completeExceptionally(failed);
            }
            case CANCELLING -> {
                status = status.transitionTo(JobStatus.CANCELED);
                JobExecutionException cancelledJob = new JobExecutionException(jobGraph.getJobID(),
                        "Job '" + jobGraph.getName() + "' was cancelled", null);
                pendingCompletion = () -> result.completeExceptionally(cancelledJob);
            }
            default -> throw new IllegalStateException("Job ended in unexpected status " + status);
        }
    }
}
