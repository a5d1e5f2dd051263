package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.millrace.runtime.executiongraph.failover.PipelinedRegionsTest.subtasks;
import static org.millrace.runtime.executiongraph.failover.PipelinedRegionsTest.union;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.JobID;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.streaming.runtime.partitioner.BroadcastPartitioner;
import org.millrace.streaming.runtime.partitioner.ForwardPartitioner;
import org.millrace.streaming.runtime.partitioner.RebalancePartitioner;
import org.millrace.streaming.runtime.partitioner.RescalePartitioner;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;

class JobGraphFailoverTopologyTest {

    /** source (2) -rescale-> map (4) -forward-> filter (4) -rebalance-> sink (3). */
    private static JobGraph jobGraph(RuntimeExecutionMode mode) {
        JobGraph graph = new JobGraph(JobID.generate(), "failover test", mode, new Configuration());
        graph.addVertex(vertex(1, "Source", 2, true));
        graph.addVertex(vertex(2, "Map", 4, false));
        graph.addVertex(vertex(3, "Filter", 4, false));
        graph.addVertex(vertex(4, "Sink", 3, false));
        graph.addEdge(edge(10, 1, 2, new RescalePartitioner<>(2)));
        graph.addEdge(edge(11, 2, 3, new ForwardPartitioner<>()));
        graph.addEdge(edge(12, 3, 4, new RebalancePartitioner<>()));
        return graph;
    }

    private static JobVertex vertex(int id, String name, int parallelism, boolean source) {
        return new JobVertex(id, name, parallelism, 128, "default", source, new byte[0]);
    }

    private static JobEdge edge(int id, int source, int target, StreamPartitioner<?> partitioner) {
        return new JobEdge(id, source, target, partitioner, null);
    }

    @Test
    void streamingJobGraphRegionsFollowItsPartitioners() {
        FailoverTopology topology = JobGraphFailoverTopology.of(jobGraph(RuntimeExecutionMode.STREAMING), false);
        assertEquals(13, topology.numberOfSubtasks());
        assertEquals(4, topology.parallelismOf(3));
        PipelinedRegions regions = PipelinedRegions.compute(topology);
        assertEquals(1, regions.numberOfRegions(), "the rebalance exchange ties all of it together");
    }

    @Test
    void batchJobGraphFailoverRestartsTheFailedSubtaskAndItsConsumers() {
        FailoverTopology topology = JobGraphFailoverTopology.of(jobGraph(RuntimeExecutionMode.BATCH), true);
        assertEquals(13, PipelinedRegions.compute(topology).numberOfRegions());
        FailoverStrategy strategy = FailoverStrategy.create(FailoverStrategyType.REGION, topology,
                ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        // source#1 rescales into map#2 and map#3, which forward to filter#2 and filter#3, which rebalance to every sink
        assertEquals(union(subtasks(1, 1), subtasks(2, 2, 3), subtasks(3, 2, 3), subtasks(4, 0, 1, 2)),
                new TreeSet<>(strategy.getTasksNeedingRestart(new SubtaskId(1, 1), new RuntimeException("read failed"))));
    }

    @Test
    void forwardAndRescaleArePointwiseAndEveryOtherPartitionerAllToAll() {
        assertEquals(DistributionPattern.POINTWISE, JobGraphFailoverTopology.distributionPattern(new ForwardPartitioner<>()));
        assertEquals(DistributionPattern.POINTWISE, JobGraphFailoverTopology.distributionPattern(new RescalePartitioner<>(3)));
        assertEquals(DistributionPattern.ALL_TO_ALL, JobGraphFailoverTopology.distributionPattern(new RebalancePartitioner<>()));
        assertEquals(DistributionPattern.ALL_TO_ALL, JobGraphFailoverTopology.distributionPattern(new BroadcastPartitioner<>()));
    }
}
