package org.millrace.runtime.executiongraph.failover;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code failover-strategy: region}: restarts as little as keeps results correct. Starting from the
 * failed subtask's {@link PipelinedRegion}, a region is involved if
 * <ol>
 *   <li>it is the failed subtask's region,
 *   <li>it produced a blocking partition that the failure reports lost
 *       ({@link ConsumedPartitionLostException} in the cause chain),
 *   <li>it consumes a result of an involved region (that result will be produced again, so whatever
 *       was computed from the old one must be recomputed), or
 *   <li>it produced a blocking partition an involved region must read and the
 *       {@link ResultPartitionAvailabilityChecker} says it is no longer available.
 * </ol>
 * Regions upstream of the failure whose blocking results are intact are left alone: a BATCH job
 * re-runs only the failed stage's region and what follows it.
 *
 * <p>Cost per failure is linear in the involved subtasks plus, once per exchange, the subtasks on
 * its other side: an all-to-all exchange is expanded once however many of its producers (or
 * consumers) are involved.
 */
public final class RestartPipelinedRegionFailoverStrategy implements FailoverStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RestartPipelinedRegionFailoverStrategy.class);

    private final PipelinedRegions regions;
    private final FailoverTopology topology;
    private final ResultPartitionAvailabilityChecker availability;

    public RestartPipelinedRegionFailoverStrategy(PipelinedRegions regions, ResultPartitionAvailabilityChecker availability) {
        this.regions = regions;
        this.topology = regions.topology();
        this.availability = availability;
    }

    @Override
    public Set<SubtaskId> getTasksNeedingRestart(SubtaskId failed, Throwable cause) {
        Traversal traversal = new Traversal();
        traversal.involve(regions.regionIdOfIndex(topology.indexOf(failed)));
        involveProducersOfLostPartitions(cause, traversal);
        BitSet restart = traversal.run();
        SubtaskSet result = new SubtaskSet(topology, restart);
        LOG.debug("Failure of subtask {} restarts {} of {} subtasks in {} of {} pipelined regions", failed, result.size(),
                topology.numberOfSubtasks(), traversal.visitedRegions.cardinality(), regions.numberOfRegions());
        return result;
    }

    private void involveProducersOfLostPartitions(Throwable cause, Traversal traversal) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConsumedPartitionLostException lost) {
                ResultPartitionKey key = lost.getPartition();
                int edge = topology.edgePosition(key.edgeId());
                int source = topology.edgeSource(edge);
                if (key.producerSubtaskIndex() < 0 || key.producerSubtaskIndex() >= topology.parallelismAt(source)) {
                    throw new IllegalArgumentException("Lost partition " + key + " names a producer subtask the edge does not have");
                }
                traversal.involve(regions.regionIdOfIndex(topology.offset(source) + key.producerSubtaskIndex()));
            }
        }
    }

    /** State of one breadth-first walk over regions. */
    private final class Traversal {
        final BitSet visitedRegions = new BitSet(regions.numberOfRegions());
        final BitSet restart = new BitSet(topology.numberOfSubtasks());
        final BitSet allToAllConsumersDone = new BitSet(topology.numberOfEdges());
        final BitSet allToAllProducersDone = new BitSet(topology.numberOfEdges());
        final ArrayDeque<Integer> queue = new ArrayDeque<>();

        void involve(int region) {
            if (!visitedRegions.get(region)) {
                visitedRegions.set(region);
                queue.add(region);
            }
        }

        BitSet run() {
            while (!queue.isEmpty()) {
                PipelinedRegion region = regions.regions().get(queue.poll());
                region.addTo(restart);
                for (int m = 0; m < region.size(); m++) {
                    int subtask = region.memberAt(m);
                    int vertex = topology.vertexOfIndex(subtask);
                    int index = subtask - topology.offset(vertex);
                    for (int edge : topology.outEdges(vertex)) {
                        involveConsumers(edge, index);
                    }
                    for (int edge : topology.inEdges(vertex)) {
                        if (topology.edgeType(edge) == ResultPartitionType.BLOCKING) {
                            involveUnavailableProducers(edge, index);
                        }
                    }
                }
            }
            return restart;
        }

        private void involveConsumers(int edge, int producer) {
            int target = topology.edgeTarget(edge);
            int offset = topology.offset(target);
            int p = topology.parallelismAt(topology.edgeSource(edge));
            int q = topology.parallelismAt(target);
            if (topology.edgePattern(edge) == DistributionPattern.ALL_TO_ALL) {
                if (allToAllConsumersDone.get(edge)) {
                    return;
                }
                allToAllConsumersDone.set(edge);
                for (int j = 0; j < q; j++) {
                    involve(regions.regionIdOfIndex(offset + j));
                }
            } else {
                int end = PointwiseConnections.endConsumer(producer, p, q);
                for (int j = PointwiseConnections.firstConsumer(producer, p, q); j < end; j++) {
                    involve(regions.regionIdOfIndex(offset + j));
                }
            }
        }

        private void involveUnavailableProducers(int edge, int consumer) {
            int source = topology.edgeSource(edge);
            int offset = topology.offset(source);
            int p = topology.parallelismAt(source);
            int q = topology.parallelismAt(topology.edgeTarget(edge));
            int first;
            int end;
            if (topology.edgePattern(edge) == DistributionPattern.ALL_TO_ALL) {
                if (allToAllProducersDone.get(edge)) {
                    return;
                }
                allToAllProducersDone.set(edge);
                first = 0;
                end = p;
            } else {
                first = PointwiseConnections.firstProducer(consumer, p, q);
                end = PointwiseConnections.endProducer(consumer, p, q);
            }
            int edgeId = topology.edgeId(edge);
            for (int i = first; i < end; i++) {
                int region = regions.regionIdOfIndex(offset + i);
                if (!visitedRegions.get(region) && !availability.isAvailable(new ResultPartitionKey(edgeId, i))) {
                    involve(region);
                }
            }
        }
    }
}
