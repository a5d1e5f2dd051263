package org.millrace.runtime.minicluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobExecutionResult;
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
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private JobStatus status = JobStatus.CREATED;
    private Throwable failureCause;
    private String failedTask;
    private long startMillis;
    private int terminalTasks;

    /** A deployed subtask with its state. */
    private static final class Subtask {
        final StreamTask task;
        Thread thread;
        ExecutionState state = ExecutionState.CREATED;

        Subtask(StreamTask task) {
            this.task = task;
        }
    }

    JobExecution(JobGraph jobGraph, TaskExecutorServices services, ClassLoader userCodeClassLoader) {
        this.jobGraph = jobGraph;
        this.services = services;
        this.userCodeClassLoader = userCodeClassLoader;
    }

    CompletableFuture<JobExecutionResult> getResultFuture() {
        return result;
    }

    synchronized JobStatus getStatus() {
        return status;
    }

    /** Busy / idle / back-pressured time per subtask, by task name (e.g. "Map (2/4)"). */
    synchronized Map<String, TaskIOMetrics.Snapshot> getTaskIOMetrics() {
        Map<String, TaskIOMetrics.Snapshot> result = new LinkedHashMap<>();
        for (Subtask s : subtasks) {
            result.put(s.task.getName(), s.task.getIOMetrics().snapshot());
        }
        return result;
    }

    /** Creates all partitions, gates and tasks, then starts the task threads. */
    void start() throws IOException {
        Configuration conf = jobGraph.getJobConfiguration();
        Duration bufferTimeout = conf.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
                ? conf.get(ExecutionOptions.BUFFER_TIMEOUT) : Duration.ofDays(365);
        ShuffleEnvironment shuffle = services.getShuffleEnvironment();
        // 1. result partitions of every producer
        Map<String, ResultPartitionWriter> partitions = new LinkedHashMap<>();
        for (JobVertex vertex : jobGraph.getVertices()) {
            for (int edgeId : vertex.getOutputEdgeIds()) {
                JobEdge edge = jobGraph.getEdge(edgeId);
                int consumers = jobGraph.getVertex(edge.getTargetVertexId()).getParallelism();
                for (int i = 0; i < vertex.getParallelism(); i++) {
                    String owner = vertex.getName() + " (" + (i + 1) + "/" + vertex.getParallelism() + ")";
                    partitions.put(edgeId + "/" + i, shuffle.createResultPartition(partitionId(edgeId, i), consumers, owner));
                }
            }
        }
        // 2. tasks with their gates
        startMillis = System.currentTimeMillis();
        for (JobVertex vertex : jobGraph.getVertices()) {
            List<JobEdge> outEdges = vertex.getOutputEdgeIds().stream().map(jobGraph::getEdge).toList();
            List<JobEdge> inEdges = vertex.getInputEdgeIds().stream().map(jobGraph::getEdge).toList();
            for (int i = 0; i < vertex.getParallelism(); i++) {
                String taskName = vertex.getName() + " (" + (i + 1) + "/" + vertex.getParallelism() + ")";
                List<ResultPartitionWriter> outputs = new ArrayList<>();
                for (JobEdge edge : outEdges) {
                    outputs.add(partitions.get(edge.getId() + "/" + i));
                }
                InputGate input = createInputGate(shuffle, taskName, inEdges, i);
                TaskSetup setup = new TaskSetup(jobGraph.getName(), vertex, i, 0, jobGraph.getExecutionMode(), outEdges,
                        outputs, inEdges, input, bufferTimeout, services.getTimerService(), userCodeClassLoader);
                StreamTask task = new StreamTask(setup);
                Subtask subtask = new Subtask(task);
                subtask.thread = new Thread(() -> runTask(subtask), taskName);
                subtask.thread.setContextClassLoader(userCodeClassLoader);
                subtasks.add(subtask);
            }
        }
        synchronized (this) {
            status = status.transitionTo(JobStatus.RUNNING);
        }
        LOG.info("Job {} ({}) switched to RUNNING with {} tasks", jobGraph.getName(), jobGraph.getJobID(), subtasks.size());
        for (Subtask s : subtasks) {
            s.thread.start();
        }
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

    private void runTask(Subtask subtask) {
        transition(subtask, ExecutionState.DEPLOYING);
        transition(subtask, ExecutionState.RUNNING);
        try {
            subtask.task.invoke();
            taskFinished(subtask);
        } catch (Throwable t) {
            taskFailed(subtask, t);
        }
    }

    private synchronized void transition(Subtask subtask, ExecutionState next) {
        subtask.state = subtask.state.transitionTo(next);
    }

    private synchronized void taskFinished(Subtask subtask) {
        subtask.state = subtask.state.transitionTo(ExecutionState.FINISHED);
        mergeAccumulators(subtask.task.getAccumulators());
        LOG.info("{} switched from RUNNING to FINISHED", subtask.task.getName());
        taskTerminated();
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
        if (status == JobStatus.RUNNING) {
            if (cancelled) {
                status = status.transitionTo(JobStatus.CANCELLING);
            } else {
                status = status.transitionTo(JobStatus.FAILING);
                failureCause = t;
                failedTask = subtask.task.getName();
                LOG.warn("{} switched from RUNNING to FAILED: {}", failedTask, t.getMessage(), t);
            }
            cancelOthers(subtask);
        } else {
            LOG.debug("{} ended after the job stopped running: {}", subtask.task.getName(), t.toString());
        }
        taskTerminated();
    }

    /** Cancels the job: every running task is asked to stop. */
    synchronized void cancel() {
        if (status == JobStatus.RUNNING) {
            status = status.transitionTo(JobStatus.CANCELLING);
            cancelOthers(null);
        }
    }

    private void cancelOthers(Subtask except) {
        for (Subtask s : subtasks) {
            if (s != except && !s.state.isTerminal()) {
                s.task.cancel();
            }
        }
    }

    private void taskTerminated() {
        terminalTasks++;
        if (terminalTasks < subtasks.size()) {
            return;
        }
        long runtime = System.currentTimeMillis() - startMillis;
        switch (status) {
            case RUNNING -> {
                status = status.transitionTo(JobStatus.FINISHED);
                Map<String, Object> results = new HashMap<>();
                accumulators.forEach((name, acc) -> results.put(name, acc.getLocalValue()));
                LOG.info("Job {} ({}) switched to FINISHED in {} ms", jobGraph.getName(), jobGraph.getJobID(), runtime);
                result.complete(new JobExecutionResult(jobGraph.getJobID(), runtime, results));
            }
            case FAILING -> {
                status = status.transitionTo(JobStatus.FAILED);
                result.completeExceptionally(new JobExecutionException(jobGraph.getJobID(),
                        "Job '" + jobGraph.getName() + "' failed: task '" + failedTask + "' failed: " + failureCause.getMessage(),
                        failureCause));
            }
            case CANCELLING -> {
                status = status.transitionTo(JobStatus.CANCELED);
                result.completeExceptionally(new JobExecutionException(jobGraph.getJobID(),
                        "Job '" + jobGraph.getName() + "' was cancelled", null));
            }
            default -> throw new IllegalStateException("Job ended in unexpected status " + status);
        }
    }
}
