package org.millrace.shuffle.hadoop;

import static org.millrace.shuffle.TestBuffers.readValuesToEnd;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.util.List;
import java.util.Map;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.shuffle.BlockingShuffleOptions;
import org.millrace.shuffle.BlockingStorageFactory;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.blocking.BlockingResultPartition;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * A second process for {@link SharedBlockingStorageTest}, started with a TaskExecutor's class path
 * (no test or minicluster jars): reads a finished partition another JVM wrote, then writes one of
 * its own and exits. Prints {@code read <count> <sum>} and {@code wrote <directory>} on stdout.
 *
 * <p>Arguments: storage root, job id, directory to read (subpartition 0), partition id to write,
 * number of values to write.
 */
public final class SpillStorageChildProcess {

    private SpillStorageChildProcess() {}

    public static void main(String[] args) throws Exception {
        String root = args[0];
        JobID job = JobID.fromHexString(args[1]);
        String toRead = args[2];
        ResultPartitionID toWrite = new ResultPartitionID(args[3], "attempt-0");
        int count = Integer.parseInt(args[4]);

        Configuration conf = new Configuration();
        conf.set(BlockingShuffleOptions.STORAGE, root);
        conf.setString("flink.hadoop.dfs.replication", "1");
        try (ShuffleEnvironment env = new ShuffleEnvironment(64, 256, 2, 8, BlockingStorageFactory.create(conf, Map.of()))) {
            SingleInputGate gate = env.createInputGateFromStorage("Child reader", 0, List.of(toRead), 0);
            List<Integer> values = readValuesToEnd(gate);
            gate.close();
            System.out.println("read " + values.size() + " " + values.stream().mapToLong(Integer::longValue).sum());

            BlockingResultPartition partition = env.createBlockingResultPartition(job, toWrite, 1, "Child writer", false);
            for (int i = 0; i < count; i++) {
                partition.emitBuffer(withValue(partition.requestBuffer(), i), 0);
            }
            partition.finish();
            partition.close();
            System.out.println("wrote " + partition.getDirectory());
        }
    }
}
