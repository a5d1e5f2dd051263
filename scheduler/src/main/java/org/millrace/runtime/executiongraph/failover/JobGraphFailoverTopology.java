package org.millrace.runtime.executiongraph.failover;

import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.streaming.runtime.partitioner.ForwardPartitioner;
import org.millrace.streaming.runtime.partitioner.RescalePartitioner;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;

/** Reads a {@link FailoverTopology} off a {@link JobGraph}, keeping its vertex and edge ids. */
public final class JobGraphFailoverTopology {

    private JobGraphFailoverTopology() {}

    /**
     * @param blockingExchanges whether the job's exchanges are blocking (a BATCH job with
     *     {@code execution.batch-shuffle-mode: ALL_EXCHANGES_BLOCKING}) rather than pipelined
     */
    public static FailoverTopology of(JobGraph jobGraph, boolean blockingExchanges) {
        FailoverTopology.Builder builder = FailoverTopology.builder();
        for (JobVertex vertex : jobGraph.getVertices()) {
            builder.addVertex(vertex.getId(), vertex.getParallelism());
        }
        ResultPartitionType type = blockingExchanges ? ResultPartitionType.BLOCKING : ResultPartitionType.PIPELINED;
        for (JobVertex vertex : jobGraph.getVertices()) {
            for (int edgeId : vertex.getOutputEdgeIds()) {
                JobEdge edge = jobGraph.getEdge(edgeId);
                builder.addEdge(edgeId, edge.getSourceVertexId(), edge.getTargetVertexId(),
                        distributionPattern(edge.getPartitioner()), type);
            }
        }
        return builder.build();
    }

    /** Forward and rescale connect each subtask to a few; every other partitioner may send anywhere. */
    static DistributionPattern distributionPattern(StreamPartitioner<?> partitioner) {
        return partitioner instanceof ForwardPartitioner || partitioner instanceof RescalePartitioner
                ? DistributionPattern.POINTWISE
                : DistributionPattern.ALL_TO_ALL;
    }
}
