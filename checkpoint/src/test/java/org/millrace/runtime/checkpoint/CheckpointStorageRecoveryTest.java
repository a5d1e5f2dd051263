package org.millrace.runtime.checkpoint;

import org.millrace.configuration.CheckpointingOptions;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
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
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.filesystem.CheckpointStorageLocation;
import org.millrace.runtime.state.filesystem.ChecksummedStateOutputStream;
import org.millrace.runtime.state.filesystem.CorruptStateFileException;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.millrace.runtime.state.filesystem.FsCheckpointStorage;
import org.millrace.runtime.state.filesystem.StateFileReader;
import org.millrace.shuffle.hadoop.MiniDfs;

/**
 * Checkpoints written to and recovered from {@code file://} and a real HDFS (MiniDFSCluster, once
 * for the class): state comes back byte for byte, and a damaged newest checkpoint — corrupt,
 * truncated, missing or swapped file, metadata never completed — is skipped for the previous one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckpointStorageRecoveryTest {

    @TempDir
    static Path tempDir;

    private static MiniDfs hdfs;
    private static int nextRoot;

    private final List<FsCheckpointStorage> storages = new ArrayList<>();

    @BeforeAll
    static void startHdfs() throws IOException {
        hdfs = MiniDfs.start(tempDir.resolve("minidfs"));
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @AfterEach
    void closeStorages() throws IOException {
        for (FsCheckpointStorage storage : storages) {
            storage.close();
        }
    }

    private FsCheckpointStorage storage(String kind, JobID job) throws IOException {
        String root = kind.equals("hdfs")
                ? hdfs.uri() + "/checkpoints-" + (++nextRoot)
                : tempDir.resolve("checkpoints-" + (++nextRoot)).toUri().toString();
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), root);
        if (kind.equals("hdfs")) {
            conf.setString("flink.hadoop.fs.defaultFS", hdfs.uri().toString());
        }
        FsCheckpointStorage storage = FsCheckpointStorage.create(conf, job);
        storages.add(storage);
        return storage;
    }

    /** A checkpoint of one keyed operator with two subtasks whose state files hold {@code prefix}-derived text. */
    private static CompletedCheckpoint writeCheckpoint(FsCheckpointStorage storage, JobID job, long id, String prefix)
            throws IOException {
        CheckpointStorageLocation location = storage.initializeCheckpoint(id);
        List<SubtaskState> subtasks = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            FileStateHandle handle;
            try (ChecksummedStateOutputStream out = location.createStateFile("window-" + subtask + ".keyed")) {
                out.write(stateBytes(prefix, subtask));
                handle = out.closeAndGetHandle();
            }
            subtasks.add(new SubtaskState(subtask, new KeyGroupRange(subtask * 64, subtask * 64 + 63), List.of(handle),
                    List.of()));
        }
        CheckpointMetadata metadata = new CheckpointMetadata(job, id, 1_000 * id, false,
                List.of(new OperatorState("window-operator", 2, 128, subtasks)));
        return location.complete(metadata);
    }

    private static byte[] stateBytes(String prefix, int subtask) {
        return (prefix + " state of subtask " + subtask + " ").repeat(500).getBytes(UTF_8);
    }

    private static byte[] readState(FileSystem fs, CompletedCheckpoint checkpoint, FileStateHandle handle) throws IOException {
        try (InputStream in = StateFileReader.open(fs, new org.apache.hadoop.fs.Path(checkpoint.directory()), handle)) {
            return in.readAllBytes();
        }
    }

    private static org.apache.hadoop.fs.Path file(CompletedCheckpoint checkpoint, String name) {
        return new org.apache.hadoop.fs.Path(checkpoint.directory(), name);
    }

    /** Rewrites a file through the file system with {@code edit} applied to its bytes. */
    private static void rewrite(FileSystem fs, org.apache.hadoop.fs.Path path, java.util.function.UnaryOperator<byte[]> edit)
            throws IOException {
        byte[] bytes;
        try (FSDataInputStream in = fs.open(path)) {
            bytes = in.readAllBytes();
        }
        try (FSDataOutputStream out = fs.create(path, true)) {
            out.write(edit.apply(bytes));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "hdfs"})
    void completedCheckpointComesBackWithEveryByteOfState(String kind) throws Exception {
        JobID job = JobID.generate();
        FsCheckpointStorage storage = storage(kind, job);
        CompletedCheckpoint written = writeCheckpoint(storage, job, 1, "first");

        CompletedCheckpoint recovered = CheckpointRecovery.latestUsable(storage.getFileSystem(), storage.getJobDirectory())
                .orElseThrow();

        assertEquals(written.metadata(), recovered.metadata());
        SubtaskState second = recovered.metadata().operators().get(0).subtasks().get(1);
        assertEquals(new KeyGroupRange(64, 127), second.keyGroups());
        assertArrayEquals(stateBytes("first", 1), readState(storage.getFileSystem(), recovered, second.keyedState().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "hdfs"})
    void corruptStateFileFallsBackToThePreviousCheckpointNamingTheFile(String kind) throws Exception {
        JobID job = JobID.generate();
        FsCheckpointStorage storage = storage(kind, job);
        writeCheckpoint(storage, job, 1, "first");
        CompletedCheckpoint latest = writeCheckpoint(storage, job, 2, "second");
        rewrite(storage.getFileSystem(), file(latest, "window-1.keyed"), bytes -> {
            bytes[100] ^= 0x20;
            return bytes;
        });

        IOException why = assertThrows(CorruptStateFileException.class,
                () -> CheckpointRecovery.load(storage.getFileSystem(), new org.apache.hadoop.fs.Path(latest.directory())));
        assertTrue(why.getMessage().contains("window-1.keyed") && why.getMessage().contains("checksum"), why.getMessage());
        CompletedCheckpoint recovered = CheckpointRecovery.latestUsable(storage.getFileSystem(), storage.getJobDirectory())
                .orElseThrow();
        assertEquals(1, recovered.checkpointId());
        SubtaskState first = recovered.metadata().operators().get(0).subtasks().get(1);
        assertArrayEquals(stateBytes("first", 1), readState(storage.getFileSystem(), recovered, first.keyedState().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated state file", "missing state file", "swapped state file", "truncated metadata",
            "metadata never completed"})
    void damagedNewestCheckpointIsSkipped(String damage) throws Exception {
        JobID job = JobID.generate();
        FsCheckpointStorage storage = storage("file", job);
        FileSystem fs = storage.getFileSystem();
        writeCheckpoint(storage, job, 1, "first");
        CompletedCheckpoint latest = writeCheckpoint(storage, job, 2, "second");
        switch (damage) {
            case "truncated state file" -> rewrite(fs, file(latest, "window-0.keyed"),
                    bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 2));
            case "missing state file" -> fs.delete(file(latest, "window-0.keyed"), false);
            case "swapped state file" -> fs.rename(file(latest, "window-1.keyed"), file(latest, "window-0.keyed"));
            case "truncated metadata" -> rewrite(fs, file(latest, CheckpointStorageLocation.METADATA_FILE),
                    bytes -> java.util.Arrays.copyOf(bytes, bytes.length - 3));
            case "metadata never completed" -> storage.initializeCheckpoint(3).createStateFile("window-0.keyed").close();
            default -> throw new IllegalArgumentException(damage);
        }
        if (damage.equals("swapped state file")) {
            // the rename replaced window-0 by window-1's complete, valid file: only the metadata can tell
            assertThrows(CorruptStateFileException.class,
                    () -> CheckpointRecovery.load(fs, new org.apache.hadoop.fs.Path(latest.directory())));
        }

        long recovered = CheckpointRecovery.latestUsable(fs, storage.getJobDirectory()).orElseThrow().checkpointId();

        assertEquals(damage.equals("metadata never completed") ? 2 : 1, recovered);
    }

    @Test
    void jobWithoutCheckpointsHasNothingToRecover() throws Exception {
        FsCheckpointStorage storage = storage("file", JobID.generate());

        assertTrue(CheckpointRecovery.latestUsable(storage.getFileSystem(), storage.getJobDirectory()).isEmpty());
    }

    @Test
    void retentionKeepsTheNewestCheckpointsAndDeletesTheOthersFiles() throws Exception {
        JobID job = JobID.generate();
        FsCheckpointStorage storage = storage("file", job);
        CompletedCheckpointStore store = new CompletedCheckpointStore(2, c -> storage.discard(c.directory()));
        List<CompletedCheckpoint> written = new ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            CompletedCheckpoint checkpoint = writeCheckpoint(storage, job, id, "cp" + id);
            written.add(checkpoint);
            store.add(checkpoint);
        }

        assertEquals(List.of(3L, 4L), store.all().stream().map(CompletedCheckpoint::checkpointId).toList());
        for (CompletedCheckpoint checkpoint : written) {
            boolean kept = checkpoint.checkpointId() >= 3;
            assertEquals(kept, storage.getFileSystem().exists(new org.apache.hadoop.fs.Path(checkpoint.directory())));
        }
        assertThrows(IllegalArgumentException.class, () -> store.add(written.get(1)), "an older checkpoint cannot follow");
    }

    @Test
    void metadataOfAnUnknownFormatVersionIsRefusedNamingTheVersion() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(MetadataSerializer.MAGIC);
        out.writeInt(7);

        IOException e = assertThrows(IOException.class,
                () -> MetadataSerializer.read(new java.io.ByteArrayInputStream(bytes.toByteArray())));

        assertTrue(e.getMessage().contains("version 7"), e.getMessage());
    }

    @Test
    void checkpointDirectoryMustBeConfiguredAsAFileSystemUri() {
        Configuration missing = new Configuration();
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> FsCheckpointStorage.create(missing, JobID.generate()));
        assertTrue(e.getMessage().contains("'state.checkpoints.dir'"), e.getMessage());

        Configuration noScheme = Configuration.fromMap(Map.of("state.checkpoints.dir", "/tmp/checkpoints"));
        e = assertThrows(IllegalConfigurationException.class, () -> FsCheckpointStorage.create(noScheme, JobID.generate()));
        assertTrue(e.getMessage().contains("'state.checkpoints.dir'") && e.getMessage().contains("file:///"), e.getMessage());
    }

    @Test
    void stateFilesOfAFailedSnapshotAreNeverAccepted() throws Exception {
        JobID job = JobID.generate();
        FsCheckpointStorage storage = storage("file", job);
        CheckpointStorageLocation location = storage.initializeCheckpoint(1);
        try (ChecksummedStateOutputStream out = location.createStateFile("abandoned.keyed")) {
            out.write("half a snapshot".getBytes(UTF_8));
        } // closed without closeAndGetHandle: no trailer

        IOException e = assertThrows(CorruptStateFileException.class, () -> StateFileReader.openSelfDescribed(
                storage.getFileSystem(), new org.apache.hadoop.fs.Path(location.getDirectory(), "abandoned.keyed")));
        assertTrue(e.getMessage().contains("abandoned.keyed"), e.getMessage());
        assertTrue(URI.create(location.getDirectory().toString()).getPath().endsWith("/chk-1"));
    }
}
