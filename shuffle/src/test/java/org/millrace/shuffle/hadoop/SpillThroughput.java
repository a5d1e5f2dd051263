package org.millrace.shuffle.hadoop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.shuffle.BlockingShuffleOptions;
import org.millrace.shuffle.BlockingStorageFactory;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.TestBuffers;
import org.millrace.shuffle.blocking.BlockingResultPartition;
import org.millrace.shuffle.blocking.BlockingStorage;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Prints write and read throughput (MB/s) of blocking partitions on local disk, on {@code file://}
 * through Hadoop and on a MiniDFSCluster (one DataNode, replication 1, same machine). Not a test:
 * run by hand with the test class path; it asserts nothing.
 *
 * <pre>
 *  java -cp &lt;classes&gt;:&lt;test-classes&gt;:&lt;test class path&gt; org.millrace.shuffle.hadoop.SpillThroughput [MiB] [rounds]
 * </pre>
 */
public final class SpillThroughput {

    private static final int SEGMENT_SIZE = 32 * 1024;
    private static final int SUBPARTITIONS = 4;

    private SpillThroughput() {}

    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path temp = Files.createTempDirectory("spill-throughput");
        HdfsConfiguration hdfsConf = new HdfsConfiguration();
        hdfsConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("minidfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(hdfsConf).numDataNodes(1).build();
        try {
            hdfs.waitActive();
            List<String[]> setups = List.of(
                    new String[] {"local disk (FileChannel)", temp.resolve("local").toString(), "256kb"},
                    new String[] {"file:// (Hadoop)", temp.resolve("hadoop-local").toUri().toString(), "256kb"},
                    new String[] {"hdfs:// buffer 64 KiB", hdfs.getURI() + "/spill64k", "64kb"},
                    new String[] {"hdfs:// buffer 256 KiB", hdfs.getURI() + "/spill256k", "256kb"},
                    new String[] {"hdfs:// buffer 1 MiB", hdfs.getURI() + "/spill1m", "1mb"});
            System.out.printf("%d MiB in %d subpartitions of %d KiB buffers, best of %d rounds%n",
                    mebibytes, SUBPARTITIONS, SEGMENT_SIZE / 1024, rounds);
            for (String[] setup : setups) {
                double bestWrite = 0;
                double bestRead = 0;
                for (int round = 0; round < rounds; round++) {
                    double[] mbPerSecond = run(setup[1], setup[2], mebibytes);
                    bestWrite = Math.max(bestWrite, mbPerSecond[0]);
                    bestRead = Math.max(bestRead, mbPerSecond[1]);
                }
                System.out.printf("%-26s write %7.1f MB/s   read %7.1f MB/s%n", setup[0], bestWrite, bestRead);
            }
        } finally {
            hdfs.shutdown(true);
        }
    }

    /** Writes then reads one partition; returns {write MB/s, read MB/s}. */
    private static double[] run(String root, String bufferSize, int mebibytes) throws Exception {
        Configuration conf = new Configuration();
        conf.set(BlockingShuffleOptions.STORAGE, root);
        conf.setString(BlockingShuffleOptions.STORAGE_BUFFER_SIZE.key(), bufferSize);
        conf.setString("flink.hadoop.dfs.replication", "1");
        JobID job = JobID.generate();
        long buffers = (long) mebibytes * 1024 * 1024 / SEGMENT_SIZE;
        double bytes = buffers * (double) SEGMENT_SIZE;
        try (ShuffleEnvironment producer = new ShuffleEnvironment(64, SEGMENT_SIZE, 2, 8, storage(conf));
             ShuffleEnvironment consumer = new ShuffleEnvironment(64, SEGMENT_SIZE, 2, 8, storage(conf))) {
            long start = System.nanoTime();
            BlockingResultPartition partition = producer.createBlockingResultPartition(
                    job, new ResultPartitionID("throughput", "a0"), SUBPARTITIONS, "Writer", false);
            for (long i = 0; i < buffers; i++) {
                Buffer buffer = partition.requestBuffer();
                buffer.setSize(SEGMENT_SIZE);
                partition.emitBuffer(buffer, (int) (i % SUBPARTITIONS));
            }
            partition.finish();
            partition.close();
            double writeSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            long read = 0;
            for (int sub = 0; sub < SUBPARTITIONS; sub++) {
                SingleInputGate gate = consumer.createInputGateFromStorage("Reader", 0,
                        List.of(partition.getDirectory()), sub);
                while (true) {
                    BufferOrEvent next = TestBuffers.pollBlocking(gate);
                    if (!next.isBuffer()) {
                        break;
                    }
                    read += next.getBuffer().getSize();
                    next.getBuffer().recycle();
                }
                gate.close();
            }
            double readSeconds = (System.nanoTime() - start) / 1e9;
            if (read != (long) bytes) {
                throw new IllegalStateException("Read " + read + " bytes, wrote " + (long) bytes);
            }
            producer.getBlockingStorage().releaseJob(job);
            return new double[] {bytes / 1e6 / writeSeconds, bytes / 1e6 / readSeconds};
        }
    }

    /** A local path gives the private local storage, whose partitions the consumer cannot see: share its root. */
    private static BlockingStorage storage(Configuration conf) throws Exception {
        String root = conf.get(BlockingShuffleOptions.STORAGE);
        if (!root.contains(":")) {
            return BlockingStorage.shared(org.millrace.shuffle.blocking.LocalSpillStorage.INSTANCE, root);
        }
        return BlockingStorageFactory.create(conf, Map.of());
    }
}
