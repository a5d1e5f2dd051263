package org.millrace.runtime.jobmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.resourcemanager.SlotAssignment;
import org.millrace.runtime.resourcemanager.TaskExecutorRegistration;
import org.millrace.runtime.taskexecutor.TaskCheckpointing;
import org.millrace.runtime.taskexecutor.TaskDeploymentDescriptor;
import org.millrace.shuffle.ProducerLocation;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Builds the deployment descriptor of a subtask's current attempt: its output partitions (one per
 * outgoing edge, named after the attempt, so a re-run never mixes with an earlier attempt's data)
 * and where each input channel finds its producer — in the same TaskExecutor, at another one's
 * shuffle server, or, for finished blocking output on shared storage, in that storage.
 */
final class TaskDeployments {

    private final JobGraph jobGraph;
    private final ExecutionGraph graph;
    private final boolean blockingExchanges;
    private final boolean sharedBlockingStorage;
    private final Duration bufferTimeout;

    TaskDeployments(JobGraph jobGraph, ExecutionGraph graph, boolean blockingExchanges, boolean sharedBlockingStorage,
                    Duration bufferTimeout) {
        this.jobGraph = jobGraph;
        this.graph = graph;
        this.blockingExchanges = blockingExchanges;
        this.sharedBlockingStorage = sharedBlockingStorage;
        this.bufferTimeout = bufferTimeout;
    }

    /**
     * The descriptor of {@code s}'s attempt in its assigned slot; producers must have theirs
     * (pipelined: all deployed at once).
     *
     * @param checkpointing the job's checkpoint settings and the state to restore, or null
     */
    TaskDeploymentDescriptor create(ExecutionVertex s, TaskCheckpointing checkpointing) {
        List<JobEdge> outEdges = s.vertex.getOutputEdgeIds().stream().map(jobGraph::getEdge).toList();
        List<JobEdge> inEdges = s.vertex.getInputEdgeIds().stream().map(jobGraph::getEdge).toList();
        List<TaskDeploymentDescriptor.OutputPartition> outputs = new ArrayList<>();
        for (JobEdge edge : outEdges) {
            int consumers = jobGraph.getVertex(edge.getTargetVertexId()).getParallelism();
            outputs.add(new TaskDeploymentDescriptor.OutputPartition(partitionId(edge.getId(), s), consumers,
                    blockingExchanges));
        }
        List<List<ProducerLocation>> inputs = new ArrayList<>();
        for (JobEdge edge : inEdges) {
            List<ProducerLocation> producers = new ArrayList<>();
            for (ExecutionVertex p : graph.subtasksOf(edge.getSourceVertexId())) {
                ResultPartitionID partition = partitionId(edge.getId(), p);
                // finished blocking output on shared storage is read there, even if its producer's process is gone
                producers.add(blockingExchanges && sharedBlockingStorage
                        ? ProducerLocation.stored(partition) : locate(partition, p.slot, s.slot));
            }
            inputs.add(producers);
        }
        return new TaskDeploymentDescriptor(jobGraph.getJobID(), jobGraph.getName(), s.attemptId, s.vertex, s.index,
                s.attemptNumber(), jobGraph.getExecutionMode(), outEdges, outputs, inEdges, inputs, bufferTimeout,
                checkpointing);
    }

    /** Local when producer and consumer share a TaskExecutor, else read from the producer's shuffle server. */
    private static ProducerLocation locate(ResultPartitionID partition, SlotAssignment producer, SlotAssignment consumer) {
        TaskExecutorRegistration producerTe = producer.taskExecutor();
        if (producerTe.resourceId().equals(consumer.taskExecutor().resourceId())) {
            return ProducerLocation.local(partition);
        }
        return ProducerLocation.remote(partition, producerTe.dataAddress());
    }

    /** The output of the producer's current attempt on an edge: every attempt writes a partition of its own. */
    private ResultPartitionID partitionId(int edgeId, ExecutionVertex producer) {
        return new ResultPartitionID(jobGraph.getJobID() + "-edge" + edgeId + "-" + producer.index,
                "attempt-" + producer.attemptNumber());
    }
}
