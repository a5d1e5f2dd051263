package org.millrace.shuffle.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.shuffle.TestBuffers.readValuesToEnd;
import static org.millrace.shuffle.TestBuffers.roundRobinValues;
import static org.millrace.shuffle.TestBuffers.valueOf;
import static org.millrace.shuffle.TestBuffers.withValue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.EventSerializer;
import org.millrace.shuffle.ProducerLocation;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.BufferAndBacklog;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.shuffle.partition.ResultSubpartitionView;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockingResultPartitionTest {

    private static final ResultPartitionID SOURCE = new ResultPartitionID("source#0", "attempt-0");
    /** Data frame of one 4-byte value: 9-byte header and the value. */
    private static final int VALUE_FRAME_BYTES = SpillFileWriter.HEADER_BYTES + 4;

    @TempDir
    Path spillRoot;

    private final List<ShuffleEnvironment> environments = new ArrayList<>();

    private ShuffleEnvironment environment() {
        ShuffleEnvironment env = new ShuffleEnvironment(64, 256, 2, 8, spillRoot);
        environments.add(env);
        return env;
    }

    @AfterEach
    void closeEnvironments() {
        environments.forEach(ShuffleEnvironment::close);
    }

    @Test
    void tenThousandBuffersWrittenBeforeAnyConsumerConnectsAreReadInOrderAndDeletedAfterConsumption() throws Exception {
        ShuffleEnvironment env = environment();
        BlockingResultPartition partition = env.createBlockingResultPartition(SOURCE, 3, "Source (1/1)");

        for (int i = 0; i < 10_000; i++) {
            Buffer buffer = partition.requestBuffer();
            assertNotNull(buffer, "the producer got buffer " + i + " back from the file write");
            partition.emitBuffer(withValue(buffer, i), i % 3);
        }
        partition.finish();
        partition.close();
        assertEquals(4, env.getNetworkBufferPool().getMaxSegmentsEverInUse(),
                "the producer's memory stays its pool of 3 + 1 buffers, however much it writes");
        for (int sub = 0; sub < 3; sub++) {
            assertTrue(Files.exists(Path.of(partition.getSpillFile(sub))), "file of subpartition " + sub);
        }

        for (int sub = 0; sub < 3; sub++) {
            SingleInputGate gate = env.createInputGate("Sink (" + (sub + 1) + "/3)", 0, List.of(SOURCE), sub);
            assertEquals(roundRobinValues(sub, 3, 10_000), readValuesToEnd(gate));
            assertFalse(Files.exists(Path.of(partition.getSpillFile(sub))), "consumed file " + sub + " is deleted");
            gate.close();
        }

        assertTrue(partition.isFullyConsumed());
        assertFalse(Files.exists(Path.of(partition.getDirectory())));
        assertFalse(env.getResultPartitionManager().isRegistered(SOURCE));
        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    @Test
    void producerCanHoldAtMostItsPoolOfSubpartitionsPlusOneBuffers() throws Exception {
        BlockingResultPartition partition = environment().createBlockingResultPartition(SOURCE, 3, "Source (1/1)");
        List<Buffer> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(partition.requestBuffer());
        }
        assertFalse(held.contains(null));
        assertNull(partition.requestBuffer());
        assertFalse(partition.getAvailableFuture().isDone());

        partition.emitBuffer(withValue(held.remove(0), 7), 0);

        assertTrue(partition.getAvailableFuture().isDone(), "writing the buffer gave it back");
        held.forEach(Buffer::recycle);
    }

    @Test
    void viewCreatedBeforeFinishReportsNothingUntilTheProducerFinishes() throws Exception {
        ShuffleEnvironment env = environment();
        BlockingResultPartition partition = env.createBlockingResultPartition(SOURCE, 1, "Source (1/1)");
        SingleInputGate gate = env.createInputGate("Sink (1/1)", 0, List.of(SOURCE), 0);
        partition.emitBuffer(withValue(partition.requestBuffer(), 42), 0);

        assertNull(gate.pollNext());
        assertFalse(gate.getAvailableFuture().isDone());

        partition.finish();

        assertTrue(gate.getAvailableFuture().isDone());
        assertEquals(List.of(42), readValuesToEnd(gate));
        gate.close();
        partition.close();
    }

    @Test
    void readerReadsNoFurtherAheadThanItsFreeBuffers() throws Exception {
        BlockingResultPartition partition = finishedPartition(environment(), true, 5);
        AtomicInteger notifications = new AtomicInteger();
        ResultSubpartitionView view = partition.createSubpartitionView(0, notifications::incrementAndGet);
        assertEquals(1, notifications.get(), "a finished partition notifies a new reader at once");

        Buffer first = view.pollNext().getBuffer();
        BufferAndBacklog second = view.pollNext();
        assertEquals(3, second.getBacklog());
        Buffer secondBuffer = second.getBuffer();
        assertNull(view.pollNext(), "both read buffers are held by the consumer");
        assertEquals(1, notifications.get());
        assertEquals(List.of(0, 1), List.of(valueOf(first), valueOf(secondBuffer)));

        first.recycle();

        assertEquals(2, notifications.get(), "a recycled buffer lets the reader continue");
        Buffer third = view.pollNext().getBuffer();
        assertEquals(2, valueOf(third));
        secondBuffer.recycle();
        third.recycle();
        view.release();
        partition.close();
    }

    @Test
    void flippedByteFailsTheReadWithChecksumMismatchNamingFileAndOffset() throws Exception {
        BlockingResultPartition partition = finishedPartition(environment(), true, 5);
        String file = partition.getSpillFile(0);
        long thirdFrame = 2L * VALUE_FRAME_BYTES;
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            long offset = thirdFrame + SpillFileWriter.HEADER_BYTES + 3;
            raf.seek(offset);
            int original = raf.read();
            raf.seek(offset);
            raf.write(original ^ 0x01);
        }
        ResultSubpartitionView view = partition.createSubpartitionView(0, () -> {});

        assertEquals(List.of(0, 1), List.of(pollValue(view), pollValue(view)));
        IOException e = assertThrows(IOException.class, view::pollNext);

        assertEquals("Corrupt spill file " + file + ": checksum mismatch at offset " + thirdFrame, e.getMessage());
        view.release();
        partition.close();
    }

    @Test
    void truncatedFileFailsTheReadNamingFileAndOffset() throws Exception {
        BlockingResultPartition partition = finishedPartition(environment(), true, 5);
        String file = partition.getSpillFile(0);
        long endOfPartitionFrame = 5L * VALUE_FRAME_BYTES;
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.setLength(endOfPartitionFrame + 5);
        }
        ResultSubpartitionView view = partition.createSubpartitionView(0, () -> {});
        for (int i = 0; i < 5; i++) {
            assertEquals(i, pollValue(view));
        }

        IOException e = assertThrows(IOException.class, view::pollNext);

        assertEquals("Corrupt spill file " + file + ": truncated at offset " + endOfPartitionFrame, e.getMessage());
        view.release();
        partition.close();
    }

    @Test
    void fileCutAtAFrameBoundaryBeforeItsEndOfPartitionIsReportedTruncated() throws Exception {
        BlockingResultPartition partition = finishedPartition(environment(), true, 5);
        String file = partition.getSpillFile(0);
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.setLength(3L * VALUE_FRAME_BYTES);
        }
        ResultSubpartitionView view = partition.createSubpartitionView(0, () -> {});
        for (int i = 0; i < 3; i++) {
            assertEquals(i, pollValue(view));
        }

        IOException e = assertThrows(IOException.class, view::pollNext);

        assertEquals("Corrupt spill file " + file + ": truncated at offset " + 3 * VALUE_FRAME_BYTES, e.getMessage());
        view.release();
        partition.close();
    }

    @Test
    void failDeletesTheFilesAndReadersFailWithTheProducersMessage() throws Exception {
        ShuffleEnvironment env = environment();
        BlockingResultPartition partition = env.createBlockingResultPartition(SOURCE, 2, "Source (1/1)");
        AtomicInteger notifications = new AtomicInteger();
        ResultSubpartitionView view = partition.createSubpartitionView(0, notifications::incrementAndGet);
        partition.emitBuffer(withValue(partition.requestBuffer(), 1), 0);
        assertTrue(Files.exists(Path.of(partition.getSpillFile(0))));

        partition.fail(new IllegalStateException("Source (1/1) lost its input file"));

        assertFalse(Files.exists(Path.of(partition.getDirectory())));
        assertEquals(1, notifications.get(), "the connected reader is told");
        IOException e = assertThrows(IOException.class, view::pollNext);
        assertEquals("Producer of partition source#0@attempt-0 failed: Source (1/1) lost its input file", e.getMessage());
        IOException write = assertThrows(IOException.class, () -> partition.emitBuffer(withValue(partition.requestBuffer(), 2), 0));
        assertInstanceOf(IllegalStateException.class, write.getCause());
        view.release();
        partition.close();
        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    @Test
    void closingTheEnvironmentRemovesItsSpillDirectoryWithUnconsumedPartitions() throws Exception {
        ShuffleEnvironment env = environment();
        BlockingResultPartition partition = finishedPartition(env, true, 3);
        Path spillDirectory = Path.of(env.getSpillDirectory());
        assertTrue(Files.exists(Path.of(partition.getSpillFile(0))));
        assertTrue(spillDirectory.startsWith(spillRoot));

        env.close();

        assertFalse(Files.exists(spillDirectory));
        try (Stream<Path> left = Files.list(spillRoot)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void partitionKeptAfterConsumptionGivesTheSameDataToASecondReaderUntilReleased() throws Exception {
        ShuffleEnvironment env = environment();
        BlockingResultPartition partition = finishedPartition(env, false, 1_000);

        for (int round = 0; round < 2; round++) {
            SingleInputGate gate = env.createInputGate("Sink (1/1) attempt " + round, 0, List.of(SOURCE), 0);
            assertEquals(roundRobinValues(0, 1, 1_000), readValuesToEnd(gate), "round " + round);
            gate.close();
            assertTrue(Files.exists(Path.of(partition.getSpillFile(0))));
        }
        assertTrue(env.getResultPartitionManager().isRegistered(SOURCE));

        env.getResultPartitionManager().releasePartition(SOURCE, new IllegalStateException("job finished"));

        assertFalse(Files.exists(Path.of(partition.getDirectory())));
        assertEquals(0, env.getNetworkBufferPool().getNumberOfSegmentsInUse());
    }

    @Test
    void remoteConsumerReadsABlockingPartitionThroughTheShuffleServer() throws Exception {
        ShuffleEnvironment producerEnv = environment();
        ShuffleEnvironment consumerEnv = environment();
        InetSocketAddress server = producerEnv.startServer("127.0.0.1");
        BlockingResultPartition partition = finishedPartition(producerEnv, true, 2_000);

        SingleInputGate gate = consumerEnv.createInputGateForProducers(
                "Sink (1/1)", 0, List.of(ProducerLocation.remote(SOURCE, server)), 0);

        assertEquals(roundRobinValues(0, 1, 2_000), readValuesToEnd(gate));
        gate.close();
        assertFalse(Files.exists(Path.of(partition.getDirectory())), "the server's reader consumed and released it");
        assertFalse(producerEnv.getResultPartitionManager().isRegistered(SOURCE));
    }

    /** A registered one-subpartition partition holding values 0..count-1, finished and closed by its producer. */
    private static BlockingResultPartition finishedPartition(ShuffleEnvironment env, boolean releaseOnConsumption, int count)
            throws IOException {
        BlockingResultPartition partition = env.createBlockingResultPartition(SOURCE, 1, "Source (1/1)", releaseOnConsumption);
        for (int i = 0; i < count; i++) {
            partition.emitBuffer(withValue(partition.requestBuffer(), i), 0);
        }
        partition.finish();
        partition.close();
        return partition;
    }

    private static int pollValue(ResultSubpartitionView view) throws IOException {
        Buffer buffer = view.pollNext().getBuffer();
        try {
            return valueOf(buffer);
        } finally {
            buffer.recycle();
        }
    }
}
