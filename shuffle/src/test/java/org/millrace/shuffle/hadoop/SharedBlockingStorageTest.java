package org.millrace.shuffle.hadoop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.readValuesToEnd;
import static org.millrace.shuffle.TestBuffers.roundRobinValues;
import static org.millrace.shuffle.TestBuffers.valueOf;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.DFSTestUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.shuffle.BlockingShuffleOptions;
import org.millrace.shuffle.BlockingStorageFactory;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.blocking.BlockingPartitionReader;
import org.millrace.shuffle.blocking.BlockingResultPartition;
import org.millrace.shuffle.blocking.BlockingStorage;
import org.millrace.shuffle.blocking.PartitionNotFinishedException;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.shuffle.partition.ResultSubpartitionView;

/**
 * Blocking partitions on shared storage, on a real HDFS (MiniDFSCluster, started once for the
 * class) and on {@code file://} through Hadoop's local file system: readable by environments and
 * processes that never saw the producer, verified on read, and gone after release.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SharedBlockingStorageTest {

    private static final ResultPartitionID SOURCE = new ResultPartitionID("source#0", "attempt-0");
    private static final String SOURCE_DIRECTORY_NAME = "source_0@attempt-0";
    /** Data frame of one 4-byte value: 9-byte header and the value. */
    private static final int VALUE_FRAME_BYTES = 9 + 4;

    @TempDir
    static Path tempDir;

    private static MiniDfs miniDfs;
    private static MiniDFSCluster hdfs;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startHdfs() throws IOException {
        miniDfs = MiniDfs.start(tempDir.resolve("minidfs"));
        hdfs = miniDfs.cluster();
    }

    @AfterAll
    static void stopHdfs() {
        if (miniDfs != null) {
            miniDfs.close();
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hdfs", "file"})
    void finishedPartitionIsReadInOrderByAFreshEnvironmentAfterTheProducersEnvironmentClosed(String kind)
            throws Exception {
        String root = newRoot(kind);
        JobID job = JobID.generate();
        ShuffleEnvironment producer = environment(root);
        BlockingResultPartition partition = producer.createBlockingResultPartition(job, SOURCE, 3, "Source (1/1)", true);
        for (int i = 0; i < 30_000; i++) {
            partition.emitBuffer(withValue(partition.requestBuffer(), i), i % 3);
        }
        partition.finish();
        partition.close();
        String directory = partition.getDirectory();
        assertEquals(producer.getBlockingStorage().partitionDirectory(job, SOURCE), directory);
        producer.close();

        String prefix = job + "/" + SOURCE_DIRECTORY_NAME + "/";
        assertEquals(List.of(prefix + "0.data", prefix + "1.data", prefix + "2.data", prefix + "_index"), files(root));

        ShuffleEnvironment consumer = environment(root);
        for (int sub = 0; sub < 3; sub++) {
            SingleInputGate gate = consumer.createInputGateFromStorage("Sink (" + (sub + 1) + "/3)", 0,
                    List.of(directory), sub);
            assertEquals(roundRobinValues(sub, 3, 30_000), readValuesToEnd(gate), "subpartition " + sub);
            gate.close();
        }
        SingleInputGate again = consumer.createInputGateFromStorage("Sink (1/3) attempt 2", 0, List.of(directory), 0);
        assertEquals(roundRobinValues(0, 3, 30_000), readValuesToEnd(again), "reading deletes nothing");
        again.close();
        assertEquals(0, consumer.getNetworkBufferPool().getNumberOfSegmentsInUse());

        consumer.releaseJob(job);

        assertEquals(List.of(), files(root));
        assertFalse(inspector(root).exists(new org.apache.hadoop.fs.Path(root + "/" + job)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hdfs", "file"})
    void partitionWithoutAValidIndexIsNotFinishedNamingTheIndexFile(String kind) throws Exception {
        String root = newRoot(kind);
        ShuffleEnvironment producer = environment(root);
        ShuffleEnvironment consumer = environment(root);
        BlockingResultPartition partition = producer.createBlockingResultPartition(
                JobID.generate(), SOURCE, 1, "Source (1/1)", false);
        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        String directory = partition.getDirectory();

        PartitionNotFinishedException missing = assertThrows(PartitionNotFinishedException.class,
                () -> consumer.openBlockingPartition(directory));
        assertEquals("Blocking partition " + directory + " is not finished: its index " + directory
                + "/_index does not exist", missing.getMessage());

        partition.finish();
        partition.close();
        rewrite(root, directory + "/_index", bytes -> flip(bytes, 13));

        PartitionNotFinishedException damaged = assertThrows(PartitionNotFinishedException.class,
                () -> consumer.openBlockingPartition(directory));
        assertEquals("Blocking partition " + directory + " is not finished or damaged: its index " + directory
                + "/_index fails its checksum", damaged.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hdfs", "file"})
    void flippedByteFailsTheReadWithAChecksumErrorNamingFileAndOffset(String kind) throws Exception {
        String root = newRoot(kind);
        String directory = finishedPartition(root, JobID.generate(), 5);
        String file = directory + "/0.data";
        long thirdFrame = 2L * VALUE_FRAME_BYTES;
        rewrite(root, file, bytes -> flip(bytes, (int) thirdFrame + 9 + 3));
        ResultSubpartitionView view = environment(root).openBlockingPartition(directory)
                .createSubpartitionView(0, () -> {});

        assertEquals(List.of(0, 1), List.of(pollValue(view), pollValue(view)));
        IOException e = assertThrows(IOException.class, view::pollNext);

        assertEquals("Corrupt spill file " + file + ": checksum mismatch at offset " + thirdFrame, e.getMessage());
        view.release();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hdfs", "file"})
    void truncatedFileFailsTheReadNamingFileAndOffset(String kind) throws Exception {
        String root = newRoot(kind);
        String directory = finishedPartition(root, JobID.generate(), 5);
        String file = directory + "/0.data";
        long endOfPartitionFrame = 5L * VALUE_FRAME_BYTES;
        rewrite(root, file, bytes -> Arrays.copyOf(bytes, (int) endOfPartitionFrame + 5));
        ResultSubpartitionView view = environment(root).openBlockingPartition(directory)
                .createSubpartitionView(0, () -> {});
        for (int i = 0; i < 5; i++) {
            assertEquals(i, pollValue(view));
        }

        IOException e = assertThrows(IOException.class, view::pollNext);

        assertEquals("Corrupt spill file " + file + ": truncated at offset " + endOfPartitionFrame, e.getMessage());
        view.release();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hdfs", "file"})
    void noFileOutlivesTheReleaseOfItsJobAfterSuccessFailureOrCancel(String kind) throws Exception {
        String root = newRoot(kind);
        JobID failedJob = JobID.generate();
        JobID finishedJob = JobID.generate();
        ShuffleEnvironment producer = environment(root);
        BlockingResultPartition finished = producer.createBlockingResultPartition(
                failedJob, new ResultPartitionID("finished", "a0"), 2, "Map (1/3)", false);
        finished.emitBuffer(withValue(finished.requestBuffer(), 1), 1);
        finished.finish();
        finished.close();
        BlockingResultPartition failing = producer.createBlockingResultPartition(
                failedJob, new ResultPartitionID("failing", "a0"), 2, "Map (2/3)", false);
        failing.emitBuffer(withValue(failing.requestBuffer(), 2), 0);
        BlockingResultPartition cancelled = producer.createBlockingResultPartition(
                failedJob, new ResultPartitionID("cancelled", "a0"), 2, "Map (3/3)", false);
        cancelled.emitBuffer(withValue(cancelled.requestBuffer(), 3), 0);
        String other = finishedPartition(root, finishedJob, 3);

        failing.fail(new IllegalStateException("Map (2/3) failed"));
        assertEquals(List.of(failedJob + "/cancelled@a0/0.data", failedJob + "/cancelled@a0/1.data",
                failedJob + "/finished@a0/0.data", failedJob + "/finished@a0/1.data", failedJob + "/finished@a0/_index"),
                filesOf(root, failedJob));
        producer.close();
        assertEquals(List.of(failedJob + "/finished@a0/0.data", failedJob + "/finished@a0/1.data",
                failedJob + "/finished@a0/_index"), filesOf(root, failedJob),
                "closing the TaskExecutor deletes the unfinished partition and keeps the finished one");

        try (BlockingStorage jobManagerView = BlockingStorageFactory.create(config(root), Map.of())) {
            jobManagerView.releaseJob(failedJob);
            assertEquals(List.of(), filesOf(root, failedJob));
            assertEquals(2, files(root).size(), "the other job's partition stays: " + files(root));

            jobManagerView.releaseJob(finishedJob);
        }
        assertEquals(List.of(), files(root));
        assertFalse(inspector(root).exists(new org.apache.hadoop.fs.Path(other)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hdfs", "file"})
    void partitionConsumedInItsProducersEnvironmentIsDeletedOnConsumption(String kind) throws Exception {
        String root = newRoot(kind);
        JobID job = JobID.generate();
        ShuffleEnvironment env = environment(root);
        BlockingResultPartition partition = env.createBlockingResultPartition(job, SOURCE, 2, "Source (1/1)", true);
        for (int i = 0; i < 100; i++) {
            partition.emitBuffer(withValue(partition.requestBuffer(), i), i % 2);
        }
        partition.finish();
        partition.close();

        for (int sub = 0; sub < 2; sub++) {
            SingleInputGate gate = env.createInputGate("Sink (" + (sub + 1) + "/2)", 0, List.of(SOURCE), sub);
            assertEquals(roundRobinValues(sub, 2, 100), readValuesToEnd(gate));
            gate.close();
        }

        assertEquals(List.of(), files(root));
        env.releaseJob(job);
        assertFalse(inspector(root).exists(new org.apache.hadoop.fs.Path(root + "/" + job)));
    }

    @Test
    void blockCorruptedOnTheDataNodeFailsTheReadNamingFileAndOffset() throws Exception {
        String root = newRoot("hdfs");
        String directory = finishedPartition(root, JobID.generate(), 5);
        String file = directory + "/0.data";
        ExtendedBlock block = DFSTestUtil.getFirstBlock(hdfs.getFileSystem(), new org.apache.hadoop.fs.Path(file));
        assertEquals(1, hdfs.corruptBlockOnDataNodes(block));
        Configuration conf = config(root);
        // give up on the only replica at once instead of re-asking the NameNode for seconds
        conf.setString("flink.hadoop.dfs.client.max.block.acquire.failures", "0");
        conf.setString("flink.hadoop.dfs.client.retry.window.base", "1");
        ShuffleEnvironment consumer = new ShuffleEnvironment(64, 256, 2, 8, BlockingStorageFactory.create(conf, Map.of()));
        toClose.add(consumer);
        ResultSubpartitionView view = consumer.openBlockingPartition(directory).createSubpartitionView(0, () -> {});

        IOException e = assertThrows(IOException.class, view::pollNext);

        assertTrue(e.getMessage().startsWith("Cannot read spill file " + file + " at offset 0: "), e.getMessage());
        view.release();
    }

    /** The acceptance case: the producer's process is gone; the reader runs with a TaskExecutor's class path. */
    @Test
    void anotherJvmReadsWhatThisOneWroteAndThisOneReadsWhatItWroteAfterItExited() throws Exception {
        String root = newRoot("hdfs");
        JobID job = JobID.generate();
        String written = finishedPartition(root, job, 10_000);

        List<String> output = runChildProcess(root, job.toString(), written, "child#0", "20000");

        String childPartition = BlockingStorageFactory.create(config(root), Map.of()).partitionDirectory(job,
                new ResultPartitionID("child#0", "attempt-0"));
        assertEquals(List.of("read 10000 49995000", "wrote " + childPartition), output);
        SingleInputGate gate = environment(root).createInputGateFromStorage("Sink (1/1)", 0,
                List.of(childPartition), 0);
        assertEquals(roundRobinValues(0, 1, 20_000), readValuesToEnd(gate));
        gate.close();
    }

    // ---------------------------------------------------------------------------------------------

    /** A fresh root on HDFS, or on local disk through Hadoop's local file system. */
    private static String newRoot(String kind) {
        String name = "spill-" + UUID.randomUUID();
        return kind.equals("hdfs") ? hdfs.getURI() + "/millrace/" + name : tempDir.resolve(name).toUri().toString();
    }

    private static Configuration config(String root) {
        Configuration conf = new Configuration();
        conf.set(BlockingShuffleOptions.STORAGE, root);
        conf.setString("flink.hadoop.dfs.replication", "1");
        return conf;
    }

    private ShuffleEnvironment environment(String root) throws IOException {
        ShuffleEnvironment env = new ShuffleEnvironment(64, 256, 2, 8, BlockingStorageFactory.create(config(root), Map.of()));
        toClose.add(env);
        return env;
    }

    /** Writes values 0..count-1 to one subpartition of a finished partition {@link #SOURCE}; its producer is closed. */
    private String finishedPartition(String root, JobID job, int count) throws IOException {
        try (ShuffleEnvironment producer = new ShuffleEnvironment(64, 256, 2, 8,
                BlockingStorageFactory.create(config(root), Map.of()))) {
            BlockingResultPartition partition = producer.createBlockingResultPartition(job, SOURCE, 1, "Source (1/1)", false);
            for (int i = 0; i < count; i++) {
                partition.emitBuffer(withValue(partition.requestBuffer(), i), 0);
            }
            partition.finish();
            partition.close();
            return partition.getDirectory();
        }
    }

    /** A file system client for looking at and damaging files behind the storage's back. */
    private FileSystem inspector(String root) throws IOException {
        FileSystem fs = FileSystem.newInstance(URI.create(root), hdfs.getConfiguration(0));
        if (fs instanceof ChecksumFileSystem checksummed) {
            checksummed.setWriteChecksum(false);
            checksummed.setVerifyChecksum(false);
        }
        toClose.add(fs);
        return fs;
    }

    /** Every file below {@code root}, relative to it, sorted. */
    private List<String> files(String root) throws IOException {
        FileSystem fs = inspector(root);
        org.apache.hadoop.fs.Path rootPath = fs.makeQualified(new org.apache.hadoop.fs.Path(root));
        List<String> names = new ArrayList<>();
        if (!fs.exists(rootPath)) {
            return names;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(rootPath, true);
        String prefix = rootPath.toUri().getPath() + "/";
        while (it.hasNext()) {
            names.add(it.next().getPath().toUri().getPath().substring(prefix.length()));
        }
        Collections.sort(names);
        return names;
    }

    private List<String> filesOf(String root, JobID job) throws IOException {
        return files(root).stream().filter(name -> name.startsWith(job + "/")).toList();
    }

    /** Replaces a file's content by {@code change} of it, as a faulty disk or a buggy writer might. */
    private void rewrite(String root, String file, UnaryOperator<byte[]> change) throws IOException {
        FileSystem fs = inspector(root);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
        byte[] content;
        try (InputStream in = fs.open(path)) {
            content = in.readAllBytes();
        }
        try (OutputStream out = fs.create(path, true)) {
            out.write(change.apply(content));
        }
    }

    private static byte[] flip(byte[] bytes, int offset) {
        bytes[offset] ^= 0x01;
        return bytes;
    }

    private static int pollValue(ResultSubpartitionView view) throws IOException {
        Buffer buffer = view.pollNext().getBuffer();
        try {
            return valueOf(buffer);
        } finally {
            buffer.recycle();
        }
    }

    /** Runs {@link SpillStorageChildProcess} with a TaskExecutor's class path; returns its stdout lines. */
    private static List<String> runChildProcess(String... args) throws Exception {
        Path testClasses = Path.of(SpillStorageChildProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classes = Path.of(BlockingStorage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String runtimeClassPath = Files.readString(testClasses.getParent().resolve("runtime-classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classes + File.pathSeparator + testClasses + File.pathSeparator + runtimeClassPath,
                SpillStorageChildProcess.class.getName()));
        command.addAll(List.of(args));
        String name = "child-" + UUID.randomUUID();
        Path stdout = tempDir.resolve(name + ".out");
        Path stderr = tempDir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child process ended; stderr:\n" + Files.readString(stderr));
            assertEquals(0, process.exitValue(), "child exit code; stderr:\n" + Files.readString(stderr));
            return Files.readAllLines(stdout, UTF_8);
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
