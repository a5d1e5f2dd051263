package org.millrace.shuffle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.api.common.JobID;
import org.millrace.shuffle.blocking.BlockingPartitionReader;
import org.millrace.shuffle.blocking.BlockingResultPartition;
import org.millrace.shuffle.blocking.BlockingStorage;
import org.millrace.shuffle.blocking.ReadBufferPoolFactory;
import org.millrace.shuffle.blocking.SpillResources;
import org.millrace.shuffle.blocking.StoredInputChannel;
import org.millrace.shuffle.buffer.LocalBufferPool;
import org.millrace.shuffle.buffer.NetworkBufferPool;
import org.millrace.shuffle.gate.LocalInputChannel;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.metrics.ShuffleMetrics;
import org.millrace.shuffle.netty.NettyShuffleClient;
import org.millrace.shuffle.netty.InternalSsl;
import org.millrace.shuffle.netty.NettyShuffleServer;
import org.millrace.shuffle.netty.RemoteGateBuffers;
import org.millrace.shuffle.netty.RemoteInputChannel;
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
 * Local input gates need no buffers of their own for pipelined partitions: they receive the producer's.
 *
 * <p>Remote exchanges: {@link #startServer} lets other TaskExecutors read this one's partitions;
 * {@link #createInputGateForProducers} reads each producer locally or from another TaskExecutor's
 * server (one connection per remote TaskExecutor, started on first use). A gate with remote
 * channels reserves {@code buffersPerChannel} exclusive receive buffers per remote channel plus
 * {@code floatingBuffersPerGate} floating ones.
 *
 * <p>Order: producers' partitions are created (and so registered) before consumers' gates, whose
 * channels connect when the gate is created; a remote channel re-requests a partition its server
 * does not know yet a few times (backoff {@value #PARTITION_REQUEST_INITIAL_BACKOFF_MS} ms doubling
 * up to {@value #PARTITION_REQUEST_MAX_BACKOFF_MS} ms).
 *
 * <p>Blocking partitions ({@link #createBlockingResultPartition}, BATCH exchanges) write to files in
 * this environment's {@link BlockingStorage}: by default its own private directory,
 * {@code <spill root>/millrace-shuffle-<random>} (spill root default {@code java.io.tmpdir}), which
 * {@link #close()} deletes; or shared storage such as HDFS ({@link BlockingStorageFactory}), whose
 * finished partitions outlive this environment and are read elsewhere through
 * {@link #openBlockingPartition} or {@link #createInputGateFromStorage}, until
 * {@link BlockingStorage#releaseJob} deletes the job's files. A producer needs only
 * {@code n + 1} buffers (each is written and recycled at once); each reader of a blocking
 * subpartition, local or remote, reads into {@code buffersPerChannel} buffers of its own, so local
 * and remote channels read blocking partitions exactly as pipelined ones.
 */
public final class ShuffleEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShuffleEnvironment.class);

    public static final int DEFAULT_BUFFERS_PER_CHANNEL = 2;
    public static final int DEFAULT_FLOATING_BUFFERS_PER_GATE = 8;
    /** {@code taskmanager.network.request-backoff.initial}. */
    public static final long PARTITION_REQUEST_INITIAL_BACKOFF_MS = 100;
    /** {@code taskmanager.network.request-backoff.max}. */
    public static final long PARTITION_REQUEST_MAX_BACKOFF_MS = 1_600;

    private static final int NETTY_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final NetworkBufferPool networkBufferPool;
    private final ResultPartitionManager partitionManager = new ResultPartitionManager();
    private final int buffersPerChannel;
    private final int floatingBuffersPerGate;
    private final BlockingStorage blockingStorage;
    private final ReadBufferPoolFactory readBufferPools;
    private final ShuffleMetrics metrics;
    /** Blocking partitions created with a job id, so {@link #releaseJob} can release them. */
    private final ConcurrentHashMap<JobID, Set<ResultPartitionID>> blockingPartitionsByJob = new ConcurrentHashMap<>();

    // Guarded by this; started on demand.
    private NettyShuffleServer server;
    private NettyShuffleClient client;
    private InternalSsl ssl;
    private boolean closed;

    /**
     * @param numberOfSegments network buffers of this TaskExecutor, all allocated now
     * @param segmentSize bytes per buffer ({@code taskmanager.memory.segment-size})
     * @param buffersPerChannel exclusive buffers per subpartition
     * @param floatingBuffersPerGate extra buffers a partition may borrow
     */
    public ShuffleEnvironment(int numberOfSegments, int segmentSize, int buffersPerChannel, int floatingBuffersPerGate) {
        this(numberOfSegments, segmentSize, buffersPerChannel, floatingBuffersPerGate,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param spillRoot where this environment creates its spill directory for blocking partitions
     *     (created on first use, deleted on {@link #close()})
     * @see #ShuffleEnvironment(int, int, int, int)
     */
    public ShuffleEnvironment(int numberOfSegments, int segmentSize, int buffersPerChannel, int floatingBuffersPerGate,
                              Path spillRoot) {
        this(numberOfSegments, segmentSize, buffersPerChannel, floatingBuffersPerGate,
                BlockingStorage.privateDirectory(spillRoot));
    }

    /**
     * @param blockingStorage where blocking partitions are written ({@link BlockingStorageFactory#create}
     *     chooses it from the configuration); this environment closes it
     * @see #ShuffleEnvironment(int, int, int, int)
     */
    public ShuffleEnvironment(int numberOfSegments, int segmentSize, int buffersPerChannel, int floatingBuffersPerGate,
                              BlockingStorage blockingStorage) {
        if (buffersPerChannel < 1 || floatingBuffersPerGate < 0) {
            throw new IllegalArgumentException("Need buffersPerChannel >= 1 and floatingBuffersPerGate >= 0, got "
                    + buffersPerChannel + " and " + floatingBuffersPerGate);
        }
        this.networkBufferPool = new NetworkBufferPool(numberOfSegments, segmentSize);
        this.buffersPerChannel = buffersPerChannel;
        this.floatingBuffersPerGate = floatingBuffersPerGate;
        this.blockingStorage = blockingStorage;
        this.readBufferPools = reader -> networkBufferPool.createBufferPool(buffersPerChannel, buffersPerChannel, reader);
        this.metrics = new ShuffleMetrics(networkBufferPool);
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
     * Creates a blocking partition (files in this environment's spill directory) that releases each
     * subpartition once it was read to its end, and registers it, so consumers can connect.
     *
     * @throws IOException if the producer's buffers cannot be reserved or the spill files not created
     */
    public BlockingResultPartition createBlockingResultPartition(
            ResultPartitionID partitionId, int numberOfSubpartitions, String ownerTaskName) throws IOException {
        return createBlockingResultPartition(partitionId, numberOfSubpartitions, ownerTaskName, true);
    }

    /**
     * Creates and registers a blocking partition directly below the storage's root, outside any job's
     * directory. Only for private storage: on shared storage the job's cleanup could not find it.
     *
     * @param releaseOnConsumption delete a subpartition's file once read to its end; false keeps the
     *     files for re-reading until the partition is released (BATCH region failover)
     * @throws IOException if the producer's buffers cannot be reserved or the spill files not created
     * @throws IllegalStateException if the storage is shared: use the variant with the job id
     */
    public BlockingResultPartition createBlockingResultPartition(
            ResultPartitionID partitionId, int numberOfSubpartitions, String ownerTaskName, boolean releaseOnConsumption)
            throws IOException {
        if (blockingStorage.isShared()) {
            throw new IllegalStateException("Blocking partition " + partitionId + " of " + ownerTaskName + " goes to "
                    + blockingStorage + ", which needs the job id: call createBlockingResultPartition(JobID, ...)");
        }
        return registerBlockingPartition(partitionId, numberOfSubpartitions, ownerTaskName, releaseOnConsumption,
                blockingStorage.root());
    }

    /**
     * Creates and registers a blocking partition of job {@code jobId}, written to
     * {@link BlockingStorage#partitionDirectory(JobID, ResultPartitionID)}, where consumers in other
     * processes find it once finished. {@link #releaseJob} releases it with the job's other partitions.
     *
     * @param releaseOnConsumption delete a subpartition's file once a consumer of this environment read
     *     it to its end; false keeps the files until the partition or the job is released
     * @throws IOException if the producer's buffers cannot be reserved or the spill files not created
     */
    public BlockingResultPartition createBlockingResultPartition(
            JobID jobId, ResultPartitionID partitionId, int numberOfSubpartitions, String ownerTaskName,
            boolean releaseOnConsumption) throws IOException {
        BlockingResultPartition partition = registerBlockingPartition(
                partitionId, numberOfSubpartitions, ownerTaskName, releaseOnConsumption, blockingStorage.jobDirectory(jobId));
        blockingPartitionsByJob.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(partitionId);
        return partition;
    }

    private BlockingResultPartition registerBlockingPartition(
            ResultPartitionID partitionId, int numberOfSubpartitions, String ownerTaskName, boolean releaseOnConsumption,
            String parentDirectory) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Shuffle environment is closed");
            }
        }
        int buffers = numberOfSubpartitions + 1;
        LocalBufferPool pool = networkBufferPool.createBufferPool(
                buffers, buffers, ownerTaskName + " (partition " + partitionId + ")");
        BlockingResultPartition partition = null;
        try {
            SpillResources spill = new SpillResources(
                    blockingStorage.files(), parentDirectory, readBufferPools, blockingStorage.isShared());
            partition = new BlockingResultPartition(
                    partitionId, ownerTaskName, numberOfSubpartitions, pool, spill, releaseOnConsumption, partitionManager);
            partitionManager.registerResultPartition(partition);
        } catch (IOException | RuntimeException e) {
            if (partition != null) {
                partition.release(e);
            }
            pool.destroy();
            throw e;
        }
        return partition;
    }

    /** The directory this environment's blocking partitions write below (it may not exist yet). */
    public String getSpillDirectory() {
        return blockingStorage.root();
    }

    public BlockingStorage getBlockingStorage() {
        return blockingStorage;
    }

    /**
     * Releases every blocking partition this environment created for the job (their consumers here
     * fail) and deletes the job's directory in the storage, with whatever else is in it. Call it
     * when the job reached a terminal state.
     *
     * @throws IOException if the job's directory cannot be deleted
     */
    public void releaseJob(JobID jobId) throws IOException {
        Set<ResultPartitionID> ofJob = blockingPartitionsByJob.remove(jobId);
        if (ofJob != null) {
            IllegalStateException cause = new IllegalStateException("job " + jobId + " ended");
            for (ResultPartitionID id : ofJob) {
                partitionManager.releasePartition(id, cause);
            }
        }
        blockingStorage.releaseJob(jobId);
    }

    /**
     * Opens a finished blocking partition in this environment's storage by its directory (see
     * {@link BlockingResultPartition#getDirectory()}, {@link BlockingStorage#partitionDirectory}),
     * whether or not its producer still runs; its readers take their buffers from this environment.
     *
     * @throws org.millrace.shuffle.blocking.PartitionNotFinishedException if it has no valid index
     * @throws IOException if the storage cannot be read
     */
    public BlockingPartitionReader openBlockingPartition(String partitionDirectory) throws IOException {
        return BlockingPartitionReader.open(blockingStorage.files(), partitionDirectory, readBufferPools);
    }

    /**
     * Creates the input gate through which a task reads subpartition {@code consumedSubpartitionIndex}
     * of finished blocking partitions straight from storage (channel {@code i} reads
     * {@code partitionDirectories.get(i)}), with no producer process involved, and connects its channels.
     *
     * @throws org.millrace.shuffle.blocking.PartitionNotFinishedException if a partition has no valid index
     * @throws IOException if the storage cannot be read or read buffers cannot be reserved
     */
    public SingleInputGate createInputGateFromStorage(
            String ownerTaskName, int gateIndex, List<String> partitionDirectories, int consumedSubpartitionIndex)
            throws IOException {
        List<BlockingPartitionReader> partitions = new ArrayList<>(partitionDirectories.size());
        for (String directory : partitionDirectories) {
            partitions.add(openBlockingPartition(directory));
        }
        SingleInputGate gate = new SingleInputGate(ownerTaskName, gateIndex, partitions.size(),
                (g, channel) -> new StoredInputChannel(g, channel, partitions.get(channel), consumedSubpartitionIndex));
        try {
            gate.requestPartitions();
        } catch (IOException | RuntimeException e) {
            gate.close();
            throw e;
        }
        return gate;
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
        return createInputGateForProducers(ownerTaskName, gateIndex,
                producerPartitions.stream().map(ProducerLocation::local).toList(), consumedSubpartitionIndex);
    }

    /**
     * Creates the input gate through which a task reads subpartition {@code consumedSubpartitionIndex}
     * of each producer's partition (channel {@code i} reads {@code producers.get(i)}, locally or from
     * the remote TaskExecutor it names) and connects its channels.
     *
     * @throws IOException if a local producer's partition is not registered, a remote TaskExecutor
     *     cannot be reached, or the gate's receive buffers cannot be reserved
     */
    public SingleInputGate createInputGateForProducers(
            String ownerTaskName, int gateIndex, List<ProducerLocation> producers, int consumedSubpartitionIndex)
            throws IOException {
        List<ProducerLocation> locations = List.copyOf(producers);
        for (ProducerLocation location : locations) {
            if (location.stored()) {
                throw new IllegalArgumentException(ownerTaskName + " (input gate " + gateIndex + "): partition "
                        + location.partitionId() + " is in storage; read it with createInputGateFromStorage");
            }
        }
        int remoteChannels = (int) locations.stream().filter(location -> !location.isLocal()).count();
        RemoteGateBuffers receiveBuffers = null;
        NettyShuffleClient nettyClient = null;
        if (remoteChannels > 0) {
            nettyClient = client();
            receiveBuffers = RemoteGateBuffers.create(networkBufferPool, remoteChannels, buffersPerChannel,
                    floatingBuffersPerGate, ownerTaskName + " (input gate " + gateIndex + ")");
        }
        SingleInputGate gate;
        try {
            gate = newGate(ownerTaskName, gateIndex, locations, consumedSubpartitionIndex, nettyClient, receiveBuffers);
        } catch (RuntimeException e) {
            if (receiveBuffers != null) {
                receiveBuffers.destroy();
            }
            throw e;
        }
        try {
            gate.requestPartitions();
        } catch (IOException | RuntimeException e) {
            gate.close();
            throw e;
        }
        return gate;
    }

    private SingleInputGate newGate(String ownerTaskName, int gateIndex, List<ProducerLocation> locations,
                                    int subpartitionIndex, NettyShuffleClient nettyClient, RemoteGateBuffers buffers) {
        Runnable releaseResources = buffers == null ? () -> {} : buffers::destroy;
        return new SingleInputGate(ownerTaskName, gateIndex, locations.size(), (g, channel) -> {
            ProducerLocation location = locations.get(channel);
            if (location.isLocal()) {
                return new LocalInputChannel(g, channel, partitionManager, location.partitionId(), subpartitionIndex);
            }
            return new RemoteInputChannel(g, channel, location.partitionId(), subpartitionIndex, location.address(),
                    nettyClient, buffers, buffersPerChannel);
        }, releaseResources);
    }

    /**
     * Makes this environment's server and client speak TLS ({@code security.ssl.internal.*}, see
     * {@link InternalSsl#fromConfiguration}). Call it before {@link #startServer} and before any
     * remote channel connects.
     *
     * @throws IllegalStateException if the server or the client already runs
     */
    public synchronized void useInternalSsl(InternalSsl internalSsl) {
        if (server != null || client != null) {
            throw new IllegalStateException("TLS must be set before the shuffle server starts or a remote channel connects");
        }
        this.ssl = internalSsl;
    }

    /**
     * Starts this TaskExecutor's shuffle server on {@code bindHost} at a free port, so other
     * TaskExecutors can read its partitions.
     *
     * @return the bound address, to be handed to consumers in their {@link ProducerLocation}s
     * @throws IOException if the host cannot be bound
     * @throws IllegalStateException if the server is already running or the environment is closed
     */
    public synchronized InetSocketAddress startServer(String bindHost) throws IOException {
        if (closed || server != null) {
            throw new IllegalStateException(closed ? "Shuffle environment is closed" : "Shuffle server already runs at "
                    + server.getAddress());
        }
        server = NettyShuffleServer.start(partitionManager, bindHost, 0, NETTY_THREADS, ssl);
        return server.getAddress();
    }

    /** The running server's address, or null if {@link #startServer} was not called. */
    public synchronized InetSocketAddress getServerAddress() {
        return server == null ? null : server.getAddress();
    }

    private synchronized NettyShuffleClient client() {
        if (closed) {
            throw new IllegalStateException("Shuffle environment is closed");
        }
        if (client == null) {
            client = new NettyShuffleClient(
                    NETTY_THREADS, PARTITION_REQUEST_INITIAL_BACKOFF_MS, PARTITION_REQUEST_MAX_BACKOFF_MS, ssl);
        }
        return client;
    }

    public NetworkBufferPool getNetworkBufferPool() {
        return networkBufferPool;
    }

    /** Network memory in use and the record counters of this TaskExecutor's tasks. */
    public ShuffleMetrics getMetrics() {
        return metrics;
    }

    public ResultPartitionManager getResultPartitionManager() {
        return partitionManager;
    }

    /**
     * Closes the Netty client (remote channels still open fail) and server (remote consumers fail),
     * stopping their event loops; then releases all registered partitions (their queued buffers are
     * recycled, their buffer pools destroyed, their consumers fail on the next read), deletes the
     * private spill directory with any blocking partitions' files (on shared storage finished
     * partitions stay for consumers elsewhere) and destroys the network buffer pool.
     * Tasks normally close their own gates and partitions first.
     */
    @Override
    public void close() {
        NettyShuffleClient clientToClose;
        NettyShuffleServer serverToClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            clientToClose = client;
            serverToClose = server;
        }
        if (clientToClose != null) {
            clientToClose.close();
        }
        if (serverToClose != null) {
            serverToClose.close();
        }
        partitionManager.shutdown();
        try {
            blockingStorage.close();
        } catch (IOException e) {
            LOG.warn("Could not clean up {}: {}", blockingStorage, e.toString());
        }
        int inUse = networkBufferPool.getNumberOfSegmentsInUse();
        if (inUse > 0) {
            LOG.debug("Closing shuffle environment with {} network buffers still in use", inUse);
        }
        networkBufferPool.destroy();
    }
}
