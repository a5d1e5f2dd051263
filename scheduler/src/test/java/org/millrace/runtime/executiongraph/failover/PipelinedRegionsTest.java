package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.millrace.runtime.executiongraph.failover.DistributionPattern.ALL_TO_ALL;
import static org.millrace.runtime.executiongraph.failover.DistributionPattern.POINTWISE;
import static org.millrace.runtime.executiongraph.failover.ResultPartitionType.BLOCKING;
import static org.millrace.runtime.executiongraph.failover.ResultPartitionType.PIPELINED;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.streaming.runtime.partitioner.RescalePartitioner;

class PipelinedRegionsTest {

    static Set<SubtaskId> subtasks(int vertexId, int... indexes) {
        Set<SubtaskId> result = new TreeSet<>();
        for (int i : indexes) {
            result.add(new SubtaskId(vertexId, i));
        }
        return result;
    }

    @SafeVarargs
    static Set<SubtaskId> union(Set<SubtaskId>... sets) {
        Set<SubtaskId> result = new TreeSet<>();
        for (Set<SubtaskId> s : sets) {
            result.addAll(s);
        }
        return result;
    }

    @Test
    void allToAllPipelinedJobIsOneRegion() {
        FailoverTopology topology = FailoverTopology.builder()
                .addVertex(1, 4).addVertex(2, 3).addVertex(3, 2)
                .addEdge(10, 1, 2, ALL_TO_ALL, PIPELINED)
                .addEdge(11, 2, 3, ALL_TO_ALL, PIPELINED)
                .build();
        PipelinedRegions regions = PipelinedRegions.compute(topology);
        assertEquals(1, regions.numberOfRegions());
        assertEquals(9, regions.regions().get(0).size());
        assertEquals(topology.allSubtasks(), regions.regionOf(new SubtaskId(3, 1)).subtasks());
    }

    @Test
    void forwardOnlyJobAtParallelismFourHasARegionPerSubtaskIndex() {
        FailoverTopology topology = FailoverTopology.builder()
                .addVertex(1, 4).addVertex(2, 4).addVertex(3, 4)
                .addEdge(10, 1, 2, POINTWISE, PIPELINED)
                .addEdge(11, 2, 3, POINTWISE, PIPELINED)
                .build();
        PipelinedRegions regions = PipelinedRegions.compute(topology);
        assertEquals(4, regions.numberOfRegions());
        for (int i = 0; i < 4; i++) {
            assertEquals(union(subtasks(1, i), subtasks(2, i), subtasks(3, i)), regions.regionOf(new SubtaskId(2, i)).subtasks());
            assertEquals(i, regions.regionOf(new SubtaskId(3, i)).id());
        }
    }

    @Test
    void batchJobWithBlockingExchangesHasARegionPerSubtaskOfEveryStage() {
        FailoverTopology topology = FailoverTopology.builder()
                .addVertex(1, 4).addVertex(2, 4).addVertex(3, 2)
                .addEdge(10, 1, 2, ALL_TO_ALL, BLOCKING)
                .addEdge(11, 2, 3, POINTWISE, BLOCKING)
                .build();
        PipelinedRegions regions = PipelinedRegions.compute(topology);
        assertEquals(10, regions.numberOfRegions());
        for (PipelinedRegion region : regions.regions()) {
            assertEquals(1, region.size());
        }
        assertEquals(subtasks(3, 1), regions.regionOf(new SubtaskId(3, 1)).subtasks());
    }

    @Test
    void rescaleConnectsEachProducerWithItsConsumerRange() {
        FailoverTopology up = FailoverTopology.builder()
                .addVertex(1, 2).addVertex(2, 5)
                .addEdge(10, 1, 2, POINTWISE, PIPELINED)
                .build();
        PipelinedRegions upRegions = PipelinedRegions.compute(up);
        assertEquals(2, upRegions.numberOfRegions());
        assertEquals(union(subtasks(1, 0), subtasks(2, 0, 1)), upRegions.regionOf(new SubtaskId(1, 0)).subtasks());
        assertEquals(union(subtasks(1, 1), subtasks(2, 2, 3, 4)), upRegions.regionOf(new SubtaskId(1, 1)).subtasks());

        FailoverTopology down = FailoverTopology.builder()
                .addVertex(1, 5).addVertex(2, 2)
                .addEdge(10, 1, 2, POINTWISE, PIPELINED)
                .build();
        PipelinedRegions downRegions = PipelinedRegions.compute(down);
        assertEquals(union(subtasks(1, 0, 1, 2), subtasks(2, 0)), downRegions.regionOf(new SubtaskId(2, 0)).subtasks());
        assertEquals(union(subtasks(1, 3, 4), subtasks(2, 1)), downRegions.regionOf(new SubtaskId(2, 1)).subtasks());
    }

    @Test
    void mixedJobKeepsBlockingStagesApartAndPipelinedChainsTogether() {
        // source -forward/pipelined-> map -hash/blocking-> sink: the source+map pairs are regions
        FailoverTopology topology = FailoverTopology.builder()
                .addVertex(1, 3).addVertex(2, 3).addVertex(3, 2)
                .addEdge(10, 1, 2, POINTWISE, PIPELINED)
                .addEdge(11, 2, 3, ALL_TO_ALL, BLOCKING)
                .build();
        PipelinedRegions regions = PipelinedRegions.compute(topology);
        assertEquals(5, regions.numberOfRegions());
        assertEquals(union(subtasks(1, 2), subtasks(2, 2)), regions.regionOf(new SubtaskId(1, 2)).subtasks());
        assertSame(regions.regionOf(new SubtaskId(1, 2)), regions.regionOf(new SubtaskId(2, 2)));
    }

    @Test
    void pointwiseMappingMatchesWhereTheRescalePartitionerSendsRecords() {
        for (int p = 1; p <= 12; p++) {
            for (int q = 1; q <= 12; q++) {
                for (int i = 0; i < p; i++) {
                    RescalePartitioner<Object> partitioner = new RescalePartitioner<>(p);
                    partitioner.setup(q, i);
                    Set<Integer> sent = new HashSet<>();
                    for (int r = 0; r < q; r++) {
                        sent.add(partitioner.selectChannel(null));
                    }
                    Set<Integer> modelled = new HashSet<>();
                    for (int j = PointwiseConnections.firstConsumer(i, p, q); j < PointwiseConnections.endConsumer(i, p, q); j++) {
                        modelled.add(j);
                    }
                    assertEquals(sent, modelled, "producer " + i + " of " + p + " with " + q + " consumers");
                }
            }
        }
    }

    @Test
    void pointwiseProducerRangesAreTheInverseOfConsumerRanges() {
        for (int p = 1; p <= 20; p++) {
            for (int q = 1; q <= 20; q++) {
                for (int j = 0; j < q; j++) {
                    Set<Integer> expected = new HashSet<>();
                    for (int i = 0; i < p; i++) {
                        if (PointwiseConnections.firstConsumer(i, p, q) <= j && j < PointwiseConnections.endConsumer(i, p, q)) {
                            expected.add(i);
                        }
                    }
                    Set<Integer> producers = new HashSet<>();
                    for (int i = PointwiseConnections.firstProducer(j, p, q); i < PointwiseConnections.endProducer(j, p, q); i++) {
                        producers.add(i);
                    }
                    assertEquals(expected, producers, "consumer " + j + " with " + p + " producers and " + q + " consumers");
                }
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // safety net; runs in milliseconds
    void tenVerticesAtParallelismThousandAreSplitWithoutPairwiseWork() {
        FailoverTopology.Builder builder = FailoverTopology.builder();
        for (int v = 0; v < 10; v++) {
            builder.addVertex(v, 1000);
        }
        for (int v = 0; v < 9; v++) {
            builder.addEdge(v, v, v + 1, v % 2 == 0 ? POINTWISE : ALL_TO_ALL, PIPELINED);
        }
        PipelinedRegions pipelined = PipelinedRegions.compute(builder.build());
        assertEquals(1, pipelined.numberOfRegions());

        FailoverTopology.Builder forward = FailoverTopology.builder();
        for (int v = 0; v < 10; v++) {
            forward.addVertex(v, 1000);
        }
        for (int v = 0; v < 9; v++) {
            forward.addEdge(v, v, v + 1, POINTWISE, PIPELINED);
        }
        PipelinedRegions perIndex = PipelinedRegions.compute(forward.build());
        assertEquals(1000, perIndex.numberOfRegions());
        assertEquals(List.of(10, 10), List.of(perIndex.regions().get(0).size(), perIndex.regions().get(999).size()));
    }
}
