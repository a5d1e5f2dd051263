package org.millrace.shuffle;

import java.io.IOException;
import java.util.List;
import org.millrace.shuffle.buffer.LocalBufferPool;
import org.millrace.shuffle.buffer.NetworkBufferPool;
import org.millrace.shuffle.gate.LocalInputChannel;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.shuffle.partition.ResultPartitionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a TaskExecutor needs to exchange data between its tasks, behind one facade the
 * scheduler uses: the {@link NetworkBufferPool}, the {@link ResultPartitionManager}, and factories
 * for the partitions tasks write and the input gates tasks read.
 *
 * <p>Buffer budget of a partition with {@code n} subpartitions: a guaranteed minimum of
 * {@code n + 1} buffers and at most {@code n * buffersPerChannel + floatingBuffersPerGate}
 * ({@code taskmanager.network.memory.buffers-per-channel}, default {@value #DEFAULT_BUFFERS_PER_CHANNEL};
 * {@code taskmanager.network.memory.floating-buffers-per-gate}, default {@value #DEFAULT_FLOATING_BUFFERS_PER_GATE}).
 * Local input gates need no buffers of their own: they receive the producer's.
 *
 * <p>Order: producers' partitions are created (and so registered) before consumers' gates, whose
 * channels connect when the gate is created. Today every channel is local; remote (Netty)
 * channels and blocking partitions will plug in behind {@link org.millrace.shuffle.gate.InputChannel}
 * and {@link org.millrace.shuffle.partition.ResultPartition}.
 */
public final class ShuffleEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShuffleEnvironment.class);

    public static final int DEFAULT_BUFFERS_PER_CHANNEL = 2;
    public static final int DEFAULT_FLOATING_BUFFERS_PER_GATE = 8;

    private final NetworkBufferPool networkBufferPool;
    private final ResultPartitionManager partitionManager = new ResultPartitionManager();
    private final int buffersPerChannel;
    private final int floatingBuffersPerGate;

    /**
     * @param numberOfSegments network buffers of this TaskExecutor, all allocated now
     * @param segmentSize bytes per buffer ({@code taskmanager.memory.segment-size})
     * @param buffersPerChannel exclusive buffers per subpartition
     * @param floatingBuffersPerGate extra buffers a partition may borrow
     */
    public ShuffleEnvironment(int numberOfSegments, int segmentSize, int buffersPerChannel, int floatingBuffersPerGate) {
        if (buffersPerChannel < 1 || floatingBuffersPerGate < 0) {
            throw new IllegalArgumentException("Need buffersPerChannel >= 1 and floatingBuffersPerGate >= 0, got "
                    + buffersPerChannel + " and " + floatingBuffersPerGate);
        }
        this.networkBufferPool = new NetworkBufferPool(numberOfSegments, segmentSize);
        this.buffersPerChannel = buffersPerChannel;
        this.floatingBuffersPerGate = floatingBuffersPerGate;
    }

    /**
     * Creates a pipelined partition with its buffer pool and registers it, so consumers can connect.
     *
     * @throws IOException if the partition's minimum buffers cannot be reserved (naming the config keys to raise)
     */
    public PipelinedResultPartition createResultPartition(
            ResultPartitionID partitionId, int numberOfSubpartitions, String ownerTaskName) throws IOException {
        int min = numberOfSubpartitions + 1;
        int max = Math.max(min, numberOfSubpartitions * buffersPerChannel + floatingBuffersPerGate);
        LocalBufferPool pool = networkBufferPool.createBufferPool(
                min, max, ownerTaskName + " (partition " + partitionId + ")");
        PipelinedResultPartition partition;
        try {
            partition = new PipelinedResultPartition(
                    partitionId, ownerTaskName, numberOfSubpartitions, pool, partitionManager);
            partitionManager.registerResultPartition(partition);
        } catch (RuntimeException e) {
            pool.destroy();
            throw e;
        }
        return partition;
    }

    /**
     * Creates the input gate through which a task reads subpartition {@code consumedSubpartitionIndex}
     * of each producer's partition (channel {@code i} reads {@code producerPartitions.get(i)}) and
     * connects its channels.
     *
     * @throws org.millrace.shuffle.partition.PartitionNotFoundException if a producer's partition is not registered
     */
    public SingleInputGate createInputGate(
            String ownerTaskName, int gateIndex, List<ResultPartitionID> producerPartitions, int consumedSubpartitionIndex)
            throws IOException {
        List<ResultPartitionID> partitions = List.copyOf(producerPartitions);
        SingleInputGate gate = new SingleInputGate(ownerTaskName, gateIndex, partitions.size(),
                (g, channel) -> new LocalInputChannel(
                        g, channel, partitionManager, partitions.get(channel), consumedSubpartitionIndex));
        try {
            gate.requestPartitions();
        } catch (IOException | RuntimeException e) {
            gate.close();
            throw e;
        }
        return gate;
    }

    public NetworkBufferPool getNetworkBufferPool() {
        return networkBufferPool;
    }

    public ResultPartitionManager getResultPartitionManager() {
        return partitionManager;
    }

    /**
     * Releases all registered partitions (their queued buffers are recycled, their buffer pools
     * destroyed, their consumers fail on the next read) and destroys the network buffer pool. Tasks
     * normally close their own gates and partitions first.
     */
    @Override
    public void close() {
        partitionManager.shutdown();
        int inUse = networkBufferPool.getNumberOfSegmentsInUse();
        if (inUse > 0) {
            LOG.debug("Closing shuffle environment with {} network buffers still in use", inUse);
        }
        networkBufferPool.destroy();
    }
}
