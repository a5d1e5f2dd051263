package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.runtime.executiongraph.failover.DistributionPattern.ALL_TO_ALL;
import static org.millrace.runtime.executiongraph.failover.DistributionPattern.POINTWISE;
import static org.millrace.runtime.executiongraph.failover.PipelinedRegionsTest.subtasks;
import static org.millrace.runtime.executiongraph.failover.PipelinedRegionsTest.union;
import static org.millrace.runtime.executiongraph.failover.ResultPartitionType.BLOCKING;
import static org.millrace.runtime.executiongraph.failover.ResultPartitionType.PIPELINED;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RestartPipelinedRegionFailoverStrategyTest {

    private static final int SOURCE = 1;
    private static final int MAP = 2;
    private static final int SINK = 3;
    private static final int SOURCE_TO_MAP = 10;
    private static final int MAP_TO_SINK = 11;

    /** A BATCH job: source (3) -rebalance-> map (4) -hash-> sink (2), all exchanges blocking. */
    private static FailoverTopology threeStageBatchJob() {
        return FailoverTopology.builder()
                .addVertex(SOURCE, 3).addVertex(MAP, 4).addVertex(SINK, 2)
                .addEdge(SOURCE_TO_MAP, SOURCE, MAP, ALL_TO_ALL, BLOCKING)
                .addEdge(MAP_TO_SINK, MAP, SINK, ALL_TO_ALL, BLOCKING)
                .build();
    }

    private static FailoverStrategy regionStrategy(FailoverTopology topology, ResultPartitionAvailabilityChecker availability) {
        return FailoverStrategy.create(FailoverStrategyType.REGION, topology, availability);
    }

    private static Set<SubtaskId> restart(FailoverStrategy strategy, SubtaskId failed, Throwable cause) {
        return new TreeSet<>(strategy.getTasksNeedingRestart(failed, cause));
    }

    @Test
    void batchFailureInTheMiddleStageRestartsThatSubtaskAndEveryConsumerOfItsResult() {
        FailoverStrategy strategy = regionStrategy(threeStageBatchJob(), ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        assertEquals(union(subtasks(MAP, 2), subtasks(SINK, 0, 1)),
                restart(strategy, new SubtaskId(MAP, 2), new IOException("disk full")));
    }

    @Test
    void batchFailureInTheLastStageRestartsOnlyThatSubtask() {
        FailoverStrategy strategy = regionStrategy(threeStageBatchJob(), ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        assertEquals(subtasks(SINK, 1), restart(strategy, new SubtaskId(SINK, 1), new RuntimeException("sink failed")));
    }

    @Test
    void batchFailureInTheFirstStageRestartsEverythingDownstreamOfIt() {
        FailoverStrategy strategy = regionStrategy(threeStageBatchJob(), ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        assertEquals(union(subtasks(SOURCE, 0), subtasks(MAP, 0, 1, 2, 3), subtasks(SINK, 0, 1)),
                restart(strategy, new SubtaskId(SOURCE, 0), new RuntimeException("source failed")));
    }

    @Test
    void unavailableInputPartitionAlsoRestartsItsProducerAndThatProducersConsumers() {
        // the TaskManager that ran source#1 died together with map#2: source#1's spill files are gone
        ResultPartitionKey lost = new ResultPartitionKey(SOURCE_TO_MAP, 1);
        List<ResultPartitionKey> asked = new ArrayList<>();
        FailoverStrategy strategy = regionStrategy(threeStageBatchJob(), partition -> {
            asked.add(partition);
            return !partition.equals(lost);
        });
        assertEquals(union(subtasks(SOURCE, 1), subtasks(MAP, 0, 1, 2, 3), subtasks(SINK, 0, 1)),
                restart(strategy, new SubtaskId(MAP, 2), new IOException("TaskManager lost")));
        assertEquals(3, asked.stream().filter(key -> key.edgeId() == SOURCE_TO_MAP).count(),
                "each source partition is checked once, not once per map subtask: " + asked);
    }

    @Test
    void lostPartitionReportedInTheCauseRestartsItsProducer() {
        // source -forward-> map -hash-> sink, blocking: source#1 only feeds map#1
        FailoverTopology topology = FailoverTopology.builder()
                .addVertex(SOURCE, 4).addVertex(MAP, 4).addVertex(SINK, 2)
                .addEdge(SOURCE_TO_MAP, SOURCE, MAP, POINTWISE, BLOCKING)
                .addEdge(MAP_TO_SINK, MAP, SINK, ALL_TO_ALL, BLOCKING)
                .build();
        FailoverStrategy strategy = regionStrategy(topology, ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        Throwable cause = new RuntimeException("task failed",
                new ConsumedPartitionLostException(new ResultPartitionKey(SOURCE_TO_MAP, 1), new IOException("no such file")));
        assertEquals(union(subtasks(SOURCE, 1), subtasks(MAP, 1), subtasks(SINK, 0, 1)),
                restart(strategy, new SubtaskId(MAP, 1), cause));
    }

    @Test
    void streamingForwardJobRestartsOnlyTheFailedSubtaskIndex() {
        FailoverTopology topology = FailoverTopology.builder()
                .addVertex(SOURCE, 4).addVertex(MAP, 4).addVertex(SINK, 4)
                .addEdge(SOURCE_TO_MAP, SOURCE, MAP, POINTWISE, PIPELINED)
                .addEdge(MAP_TO_SINK, MAP, SINK, POINTWISE, PIPELINED)
                .build();
        FailoverStrategy strategy = regionStrategy(topology, partition -> {
            throw new AssertionError("pipelined inputs are never checked: " + partition);
        });
        assertEquals(union(subtasks(SOURCE, 3), subtasks(MAP, 3), subtasks(SINK, 3)),
                restart(strategy, new SubtaskId(MAP, 3), new RuntimeException("map failed")));
    }

    @Test
    void streamingAllToAllJobRestartsEverything() {
        FailoverTopology topology = FailoverTopology.builder()
                .addVertex(SOURCE, 2).addVertex(MAP, 3)
                .addEdge(SOURCE_TO_MAP, SOURCE, MAP, ALL_TO_ALL, PIPELINED)
                .build();
        assertEquals(topology.allSubtasks(), regionStrategy(topology, ResultPartitionAvailabilityChecker.ALL_AVAILABLE)
                .getTasksNeedingRestart(new SubtaskId(SOURCE, 0), new RuntimeException()));
    }

    @Test
    void fullStrategyRestartsEverySubtask() {
        FailoverTopology topology = threeStageBatchJob();
        FailoverStrategy full = FailoverStrategy.create(FailoverStrategyType.FULL, topology, ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        Set<SubtaskId> restarted = full.getTasksNeedingRestart(new SubtaskId(SINK, 0), new RuntimeException());
        assertEquals(9, restarted.size());
        assertEquals(union(subtasks(SOURCE, 0, 1, 2), subtasks(MAP, 0, 1, 2, 3), subtasks(SINK, 0, 1)), new TreeSet<>(restarted));
    }

    @Test
    void subtaskOfAnotherJobIsRejected() {
        FailoverStrategy strategy = regionStrategy(threeStageBatchJob(), ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        assertThrows(IllegalArgumentException.class, () -> strategy.getTasksNeedingRestart(new SubtaskId(SINK, 2), new RuntimeException()));
        assertThrows(IllegalArgumentException.class, () -> strategy.getTasksNeedingRestart(new SubtaskId(99, 0), new RuntimeException()));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // safety net; runs in milliseconds
    void largeBatchJobFailoverExpandsEachAllToAllExchangeOnce() {
        FailoverTopology.Builder builder = FailoverTopology.builder();
        for (int v = 0; v < 10; v++) {
            builder.addVertex(v, 1000);
        }
        for (int v = 0; v < 9; v++) {
            builder.addEdge(v, v, v + 1, v % 2 == 0 ? POINTWISE : ALL_TO_ALL, BLOCKING);
        }
        FailoverTopology topology = builder.build();
        // edges alternate forward / all-to-all: 0-f->1-a->2-f->3-a->4-f->5-a->6-f->7-a->8-f->9
        FailoverStrategy allAvailable = regionStrategy(topology, ResultPartitionAvailabilityChecker.ALL_AVAILABLE);
        Set<SubtaskId> restarted = allAvailable.getTasksNeedingRestart(new SubtaskId(4, 5), new RuntimeException());
        assertEquals(2 + 4 * 1000, restarted.size(), "4#5, 5#5 and all of vertices 6 to 9");

        ResultPartitionKey lost = new ResultPartitionKey(3, 7); // 3#7's output on the all-to-all edge 3 -> 4
        long[] checks = new long[1];
        FailoverStrategy withLoss = regionStrategy(topology, partition -> {
            checks[0]++;
            return !partition.equals(lost);
        });
        Set<SubtaskId> withLostInput = withLoss.getTasksNeedingRestart(new SubtaskId(4, 5), new RuntimeException());
        assertEquals(1 + 6 * 1000, withLostInput.size(), "3#7 and all of vertices 4 to 9");
        // each blocking all-to-all exchange into an involved vertex is checked once (at most 1000 calls), not once
        // per consumer (a million calls each); forward inputs add at most one call per involved subtask
        assertTrue(checks[0] <= 3 * 1000 + 7 * 1000, "availability checks: " + checks[0]);
    }
}
