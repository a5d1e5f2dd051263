package org.millrace.runtime.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.StateBackendOptions;
import org.millrace.runtime.checkpoint.CheckpointMetadata;
import org.millrace.runtime.checkpoint.CompletedCheckpoint;
import org.millrace.runtime.checkpoint.CompletedCheckpointStore;
import org.millrace.runtime.checkpoint.OperatorState;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import org.millrace.runtime.state.HeapKeyedStateBackend;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
import org.millrace.runtime.state.KeyedSnapshotTarget;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyedStateBackendLoader;
import org.millrace.runtime.state.KeyedStateHandles;
import org.millrace.runtime.state.NamespacedState;
import org.millrace.runtime.state.filesystem.CorruptStateFileException;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.millrace.runtime.state.filesystem.FsCheckpointStorage;
import org.millrace.runtime.state.filesystem.FsTaskCheckpointStorage;

/**
 * The RocksDB keyed state backend on a real RocksDB and real checkpoint storage ({@code file://} in
 * a temporary directory): state per key group, canonical snapshots portable to and from the heap
 * backend, incremental checkpoints that upload only new SST files, restore at the same and at a
 * different parallelism, damaged files refused, and shared files deleted only when unused.
 */
class RocksDBKeyedStateBackendTest {

    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    private static final ValueStateDescriptor<String> VALUES = new ValueStateDescriptor<>("values", Types.STRING);

    @TempDir
    Path temp;

    private final List<KeyedStateBackend<?>> backends = new ArrayList<>();
    private final List<FsTaskCheckpointStorage> storages = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        backends.forEach(KeyedStateBackend::close);
        for (FsTaskCheckpointStorage storage : storages) {
            storage.close();
        }
    }

    private Configuration rocksConfiguration(boolean incremental) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, incremental);
        conf.set(RocksDBOptions.LOCAL_DIRECTORY, temp.resolve("local").toString());
        return conf;
    }

    private KeyedStateBackend<Long> rocks(KeyGroupRange range, boolean incremental) {
        KeyedStateBackend<Long> backend = KeyedStateBackendLoader.fromConfiguration(rocksConfiguration(incremental),
                getClass().getClassLoader()).create("test (1/1)", range, MAX_PARALLELISM, Types.LONG.createSerializer());
        backends.add(backend);
        return backend;
    }

    private KeyedStateBackend<Long> heap(KeyGroupRange range) {
        KeyedStateBackend<Long> backend = new HeapKeyedStateBackend<>(range, MAX_PARALLELISM, Types.LONG.createSerializer());
        backends.add(backend);
        return backend;
    }

    private Path jobDirectory() {
        return temp.resolve("checkpoints").resolve("job");
    }

    private FsTaskCheckpointStorage storage(String restoreDirectory) throws IOException {
        FsTaskCheckpointStorage storage = new FsTaskCheckpointStorage(jobDirectory().toUri().toString(), restoreDirectory,
                new Configuration());
        storages.add(storage);
        return storage;
    }

    private String checkpointDirectory(long id) {
        return jobDirectory().resolve("chk-" + id).toUri().toString();
    }

    /** Takes checkpoint {@code id} of {@code backend} as the task does: synchronous part, then the writer's. */
    private KeyedStateHandles checkpoint(KeyedStateBackend<?> backend, long id, String prefix) throws Exception {
        FsTaskCheckpointStorage storage = storage(null);
        return backend.snapshotForCheckpoint(id, false).write(new KeyedSnapshotTarget() {
            @Override
            public CheckpointStateOutputStream createPrivateFile(String suffix) throws IOException {
                return storage.createStateFile(id, null, prefix + suffix);
            }

            @Override
            public CheckpointStateOutputStream createSharedFile(String name) throws IOException {
                return storage.createSharedStateFile(name);
            }
        });
    }

    private void restore(KeyedStateBackend<?> backend, long id, KeyedStateHandles... snapshots) throws IOException {
        FsTaskCheckpointStorage storage = storage(checkpointDirectory(id));
        List<IncrementalKeyedStateHandle> incremental = new ArrayList<>();
        for (KeyedStateHandles snapshot : snapshots) {
            for (FileStateHandle file : snapshot.canonical()) {
                try (var in = storage.openRestoredStateFile(file)) {
                    backend.restore(in, file.relativePath());
                }
            }
            incremental.add(snapshot.incremental());
        }
        backend.restoreIncremental(incremental, storage);
    }

    private static void put(KeyedStateBackend<Long> backend, long from, long to, String suffix) throws IOException {
        ValueState<String> state = backend.getValueState(VALUES);
        for (long key = from; key < to; key++) {
            backend.setCurrentKey(key);
            state.update("v" + key + suffix);
        }
    }

    private static Set<String> sharedPaths(KeyedStateHandles snapshot) {
        Set<String> paths = new HashSet<>();
        snapshot.incremental().sharedFiles().forEach(f -> paths.add(f.relativePath()));
        return paths;
    }

    private long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void valuesAreKeptPerKeyAndClearedPerKey() throws Exception {
        KeyedStateBackend<Long> backend = rocks(ALL, false);
        put(backend, 0, 500, "");
        ValueState<String> state = backend.getValueState(VALUES);
        backend.setCurrentKey(7L);
        state.clear();
        for (long key = 0; key < 500; key++) {
            backend.setCurrentKey(key);
            assertEquals(key == 7 ? null : "v" + key, state.value(), "key " + key);
            assertEquals(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM), backend.getCurrentKeyGroup());
        }
        List<Long> visited = new ArrayList<>();
        backend.applyToAllKeys(VALUES, (key, s) -> visited.add(key));
        assertEquals(499, visited.size());
        assertFalse(visited.contains(7L));
    }

    @Test
    void keyOfAnotherInstanceIsRefused() {
        KeyedStateBackend<Long> backend = rocks(new KeyGroupRange(0, 63), false);
        long foreign = Stream.iterate(0L, k -> k + 1)
                .filter(k -> KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM) >= 64).findFirst().orElseThrow();
        assertThrows(IllegalStateException.class, () -> backend.setCurrentKey(foreign));
    }

    @Test
    void canonicalSnapshotsMoveBetweenHeapAndRocksDB() throws Exception {
        KeyedStateBackend<Long> heap = heap(ALL);
        put(heap, 0, 300, "");
        NamespacedState<Long, String, List<Integer>> windows = heap.getNamespacedState("contents");
        heap.setCurrentKey(5L);
        windows.setCurrentNamespace("w1");
        windows.update(new ArrayList<>(List.of(1, 2, 3)));
        ByteArrayOutputStream fromHeap = new ByteArrayOutputStream();
        heap.snapshot(fromHeap);

        KeyedStateBackend<Long> rocks = rocks(ALL, true);
        rocks.restore(new ByteArrayInputStream(fromHeap.toByteArray()), "heap snapshot");
        ValueState<String> values = rocks.getValueState(VALUES);
        rocks.setCurrentKey(123L);
        assertEquals("v123", values.value());
        NamespacedState<Long, String, List<Integer>> restoredWindows = rocks.getNamespacedState("contents");
        rocks.setCurrentKey(5L);
        restoredWindows.setCurrentNamespace("w1");
        assertEquals(List.of(1, 2, 3), restoredWindows.get());
        assertNull(restoredWindows.get("w2"));

        ByteArrayOutputStream fromRocks = new ByteArrayOutputStream();
        rocks.snapshot(fromRocks);
        KeyedStateBackend<Long> heapAgain = heap(ALL);
        heapAgain.restore(new ByteArrayInputStream(fromRocks.toByteArray()), "rocksdb snapshot");
        ValueState<String> back = heapAgain.getValueState(VALUES);
        for (long key = 0; key < 300; key++) {
            heapAgain.setCurrentKey(key);
            assertEquals("v" + key, back.value());
        }
        NamespacedState<Long, String, List<Integer>> backWindows = heapAgain.getNamespacedState("contents");
        heapAgain.setCurrentKey(5L);
        assertEquals(List.of(1, 2, 3), backWindows.get("w1"));
    }

    @Test
    void incrementalCheckpointUploadsOnlyNewSstFiles() throws Exception {
        KeyedStateBackend<Long> backend = rocks(ALL, true);
        put(backend, 0, 20_000, "");
        KeyedStateHandles first = checkpoint(backend, 1, "op-0");
        assertFalse(first.incremental().sharedFiles().isEmpty());
        Path shared = jobDirectory().resolve(IncrementalKeyedStateHandle.SHARED_DIRECTORY);
        long afterFirst = filesIn(shared);
        assertEquals(first.incremental().sharedFiles().size(), afterFirst);

        put(backend, 0, 100, "-updated");
        KeyedStateHandles second = checkpoint(backend, 2, "op-0");
        Set<String> newInSecond = sharedPaths(second);
        newInSecond.removeAll(sharedPaths(first));
        // the one memtable flushed for the update is the only new file; every earlier SST is referenced again
        assertEquals(1, newInSecond.size(), "new SST files of checkpoint 2: " + newInSecond);
        assertEquals(afterFirst + 1, filesIn(shared));
        assertTrue(sharedPaths(second).containsAll(sharedPaths(first)));
        assertFalse(second.incremental().privateFiles().isEmpty());

        KeyedStateBackend<Long> restored = rocks(ALL, true);
        restore(restored, 2, second);
        ValueState<String> state = restored.getValueState(VALUES);
        for (long key = 0; key < 20_000; key += 37) {
            restored.setCurrentKey(key);
            assertEquals("v" + key + (key < 100 ? "-updated" : ""), state.value());
        }
        // the restored backend references the restored SST files rather than uploading them again
        put(restored, 0, 10, "-again");
        KeyedStateHandles third = checkpoint(restored, 3, "op-0");
        Set<String> newInThird = sharedPaths(third);
        newInThird.removeAll(sharedPaths(second));
        assertEquals(1, newInThird.size());
    }

    @Test
    void incrementalRestoreRescalesTwoToThreeByKeyGroup() throws Exception {
        List<KeyedStateHandles> old = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            KeyedStateBackend<Long> backend = rocks(KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                    MAX_PARALLELISM, 2, i), true);
            ValueState<String> state = backend.getValueState(VALUES);
            for (long key = 0; key < 3000; key++) {
                if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, 2) == i) {
                    backend.setCurrentKey(key);
                    state.update("v" + key);
                }
            }
            old.add(checkpoint(backend, 1, "op-" + i));
        }
        int found = 0;
        for (int i = 0; i < 3; i++) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 3, i);
            KeyedStateBackend<Long> backend = rocks(range, true);
            restore(backend, 1, old.toArray(new KeyedStateHandles[0]));
            List<Long> keys = new ArrayList<>();
            backend.applyToAllKeys(VALUES, (key, state) -> {
                keys.add(key);
                assertEquals("v" + key, state.value());
            });
            for (long key : keys) {
                assertTrue(range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM)), "key " + key);
            }
            found += keys.size();
        }
        assertEquals(3000, found);
    }

    @Test
    void corruptSharedFileFailsTheRestoreNamingIt() throws Exception {
        KeyedStateBackend<Long> backend = rocks(ALL, true);
        put(backend, 0, 5000, "");
        KeyedStateHandles snapshot = checkpoint(backend, 1, "op-0");
        FileStateHandle sst = snapshot.incremental().sharedFiles().get(0);
        Path file = jobDirectory().resolve(IncrementalKeyedStateHandle.SHARED_DIRECTORY).resolve(sst.relativePath());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(10);
            int b = raf.read();
            raf.seek(10);
            raf.write(b ^ 0xFF);
        }
        KeyedStateBackend<Long> restored = rocks(ALL, true);
        IOException e = assertThrows(IOException.class, () -> restore(restored, 1, snapshot));
        assertTrue(e instanceof CorruptStateFileException || e.getCause() instanceof CorruptStateFileException,
                e.toString());
        assertTrue(e.getMessage().contains(sst.relativePath()), e.getMessage());
    }

    @Test
    void sharedFileIsKeptWhileARetainedCheckpointUsesItAndDeletedAfterwards() throws Exception {
        KeyedStateBackend<Long> backend = rocks(ALL, true);
        FsCheckpointStorage storage = new FsCheckpointStorage(
                org.apache.hadoop.fs.FileSystem.newInstance(temp.toUri(), new org.apache.hadoop.conf.Configuration()),
                new org.apache.hadoop.fs.Path(temp.resolve("checkpoints").toUri()), JobID.generate());
        try (storage) {
            Path shared = temp.resolve("checkpoints").resolve(storage.getJobDirectory().getName())
                    .resolve(IncrementalKeyedStateHandle.SHARED_DIRECTORY);
            CompletedCheckpointStore store = new CompletedCheckpointStore(2, c -> storage.discard(c.directory()),
                    storage::discardSharedFile);
            List<Set<String>> checkpoints = new ArrayList<>();
            for (long id = 1; id <= 4; id++) {
                put(backend, 0, 3000, "-" + id);
                if (id == 3) {
                    RocksDBInstance db = ((RocksDBKeyedStateBackend<Long>) backend).instance();
                    db.flush();
                    db.db().compactRange(db.columnFamily(VALUES.getName()));
                }
                KeyedStateHandles handles = checkpointInto(backend, id, storage);
                checkpoints.add(sharedPaths(handles));
                store.add(completed(storage, id, handles));
            }
            // retained: 3 and 4; 1 and 2 subsumed. Compaction before 3 dropped the SSTs of 1 and 2.
            Set<String> retained = new HashSet<>(checkpoints.get(2));
            retained.addAll(checkpoints.get(3));
            Set<String> onDisk = new HashSet<>();
            try (Stream<Path> files = Files.list(shared)) {
                files.forEach(f -> onDisk.add(f.getFileName().toString()));
            }
            assertEquals(retained, onDisk);
            Set<String> droppedOnes = new HashSet<>(checkpoints.get(0));
            droppedOnes.removeAll(retained);
            assertFalse(droppedOnes.isEmpty(), "compaction should have replaced checkpoint 1's files");
            for (String path : retained) {
                assertTrue(store.usesSharedFile(path));
            }
        }
    }

    private KeyedStateHandles checkpointInto(KeyedStateBackend<?> backend, long id, FsCheckpointStorage storage)
            throws Exception {
        var location = storage.initializeCheckpoint(id);
        FsTaskCheckpointStorage tasks = new FsTaskCheckpointStorage(storage.getJobDirectory().toString(), null,
                new Configuration());
        storages.add(tasks);
        return backend.snapshotForCheckpoint(id, false).write(new KeyedSnapshotTarget() {
            @Override
            public CheckpointStateOutputStream createPrivateFile(String suffix) throws IOException {
                return location.createStateFile("op-0" + suffix);
            }

            @Override
            public CheckpointStateOutputStream createSharedFile(String name) throws IOException {
                return tasks.createSharedStateFile(name);
            }
        });
    }

    private static CompletedCheckpoint completed(FsCheckpointStorage storage, long id, KeyedStateHandles handles)
            throws IOException {
        SubtaskState subtask = new SubtaskState(0, ALL, handles.canonical(), List.of(), handles.incremental());
        CheckpointMetadata metadata = new CheckpointMetadata(JobID.generate(), id, 0, false,
                List.of(new OperatorState("op", 1, MAX_PARALLELISM, List.of(subtask))));
        return storage.locationOf(id).complete(metadata);
    }

    @Test
    void unknownBackendTypeIsRefusedNamingTheKey() {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocks");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> KeyedStateBackendLoader.fromConfiguration(conf, getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("state.backend.type") && e.getMessage().contains("rocksdb"), e.getMessage());
    }

    @Test
    void writeBufferRatioOutOfRangeIsRefusedNamingTheKey() {
        Configuration conf = rocksConfiguration(true);
        conf.set(RocksDBOptions.WRITE_BUFFER_RATIO, 1.5);
        KeyedStateBackendLoader loader = KeyedStateBackendLoader.fromConfiguration(conf, getClass().getClassLoader());
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> loader.create("test", ALL, MAX_PARALLELISM, Types.LONG.createSerializer()));
        assertTrue(e.getMessage().contains("state.backend.rocksdb.memory.write-buffer-ratio"), e.getMessage());
    }

    @Test
    void closingDeletesTheWorkingDirectory() throws Exception {
        KeyedStateBackend<Long> backend = rocks(ALL, true);
        put(backend, 0, 10, "");
        Path local = temp.resolve("local");
        assertEquals(1, filesIn(local));
        backend.close();
        assertEquals(0, filesIn(local));
    }
}
