package org.millrace.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.StateBackendOptions;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.KeyedSnapshotTarget;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyedStateBackendLoader;
import org.millrace.runtime.state.KeyedStateHandles;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.millrace.runtime.state.filesystem.FsTaskCheckpointStorage;

/**
 * Checkpoints of one operator instance's keyed state, measured at the backend (no job around it, so
 * the figures are the backend's): {@code values} 1 KiB values under Long keys in one
 * {@code ValueState<byte[]>} (random bytes: RocksDB compresses its files), then a first checkpoint,
 * five times an update of 1 % of the keys and a checkpoint (RocksDB's compactions of the bulk load
 * run meanwhile and are uploaded too), and a restore of the last into a fresh backend. Per checkpoint: its duration (synchronous part + writing) and the bytes it wrote (new files only: an incremental checkpoint
 * references the SST files it shares with the previous one). Written to {@code file://} below a
 * local directory.
 */
final class BackendCheckpointMeasurement {

    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    private static final ValueStateDescriptor<byte[]> PAYLOAD = new ValueStateDescriptor<>("payload", byte[].class);

    /** One checkpoint: how long it took, the bytes it wrote, and its handles. */
    private record Measured(long millis, long bytes, KeyedStateHandles handles) {}

    private final Path directory;
    private final String backendName;

    /** @param backendName {@code hashmap} or {@code rocksdb} (incremental) */
    BackendCheckpointMeasurement(Path directory, String backendName) {
        this.directory = directory.resolve(backendName);
        this.backendName = backendName;
    }

    private KeyedStateBackend<Long> newBackend() {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, backendName);
        conf.set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.setString("state.backend.rocksdb.localdir", directory.resolve("local").toString());
        return KeyedStateBackendLoader.fromConfiguration(conf, getClass().getClassLoader())
                .create("benchmark (1/1)", ALL, MAX_PARALLELISM, Types.LONG.createSerializer());
    }

    /** Runs the measurement and prints one {@code CHECKPOINT workload=backend-state} line. */
    void run(long values) throws Exception {
        String jobDirectory = directory.resolve("checkpoints").toUri().toString();
        long updates = Math.max(1, values / 100);
        Measured[] checkpoints = new Measured[6];
        try (FsTaskCheckpointStorage storage = new FsTaskCheckpointStorage(jobDirectory, null, new Configuration())) {
            KeyedStateBackend<Long> backend = newBackend();
            try {
                put(backend, 0, values, (byte) 1);
                checkpoints[0] = checkpoint(backend, storage, 1, List.of());
                for (int i = 1; i < checkpoints.length; i++) {
                    // the same 1 % again; RocksDB's compactions of what came before land in these checkpoints too
                    put(backend, 0, updates, (byte) (i + 1));
                    IncrementalKeyedStateHandle previous = checkpoints[i - 1].handles().incremental();
                    checkpoints[i] = checkpoint(backend, storage, i + 1,
                            previous == null ? List.of() : previous.sharedFiles());
                }
            } finally {
                backend.close();
            }
        }
        int last = checkpoints.length;
        long restoreMillis = restore(checkpoints[last - 1].handles(), jobDirectory + "/chk-" + last, values, updates,
                (byte) last);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "CHECKPOINT workload=backend-state backend=%s state_mib=%d updated_keys_per_round=%d", backendName,
                values / 1024, updates));
        for (int i = 0; i < last; i++) {
            line.append(String.format(Locale.ROOT, " checkpoint%d_ms=%d checkpoint%d_mib=%.1f", i + 1,
                    checkpoints[i].millis(), i + 1, checkpoints[i].bytes() / 1048576.0));
        }
        System.out.println(line.append(" restore_ms=").append(restoreMillis));
    }

    private static void put(KeyedStateBackend<Long> backend, long from, long to, byte marker) throws IOException {
        ValueState<byte[]> payload = backend.getValueState(PAYLOAD);
        for (long key = from; key < to; key++) {
            byte[] bytes = new byte[1024];
            new SplittableRandom(key * 31 + marker).nextBytes(bytes); // incompressible, as RocksDB compresses
            bytes[0] = marker;
            backend.setCurrentKey(key);
            payload.update(bytes);
        }
    }

    /** Checkpoint {@code id}; its bytes do not count the shared files it reuses. */
    private Measured checkpoint(KeyedStateBackend<Long> backend, FsTaskCheckpointStorage storage, long id,
                              List<FileStateHandle> previousShared) throws Exception {
        long start = System.nanoTime();
        KeyedStateHandles handles = backend.snapshotForCheckpoint(id, false).write(new KeyedSnapshotTarget() {
            @Override
            public CheckpointStateOutputStream createPrivateFile(String suffix) throws IOException {
                return storage.createStateFile(id, null, "store-0" + suffix);
            }

            @Override
            public CheckpointStateOutputStream createSharedFile(String name) throws IOException {
                return storage.createSharedStateFile(name);
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        long bytes = handles.canonical().stream().mapToLong(FileStateHandle::length).sum();
        IncrementalKeyedStateHandle incremental = handles.incremental();
        if (incremental != null) {
            bytes += incremental.privateFiles().stream().mapToLong(FileStateHandle::length).sum();
            bytes += incremental.sharedFiles().stream().filter(f -> !previousShared.contains(f))
                    .mapToLong(FileStateHandle::length).sum();
        }
        return new Measured(millis, bytes, handles);
    }

    /** Ms to restore {@code snapshot} into a fresh backend until a value can be read; checks two values. */
    private long restore(KeyedStateHandles snapshot, String checkpointDirectory, long values, long updates,
                         byte updatedMarker) throws Exception {
        long start = System.nanoTime();
        try (FsTaskCheckpointStorage storage = new FsTaskCheckpointStorage(
                directory.resolve("checkpoints").toUri().toString(), checkpointDirectory, new Configuration())) {
            KeyedStateBackend<Long> backend = newBackend();
            try {
                for (FileStateHandle file : snapshot.canonical()) {
                    try (InputStream in = storage.openRestoredStateFile(file)) {
                        backend.restore(in, file.relativePath());
                    }
                }
                if (snapshot.incremental() != null) {
                    backend.restoreIncremental(List.of(snapshot.incremental()), storage);
                }
                ValueState<byte[]> payload = backend.getValueState(PAYLOAD);
                long millis = (System.nanoTime() - start) / 1_000_000;
                backend.setCurrentKey(0L);
                check(payload.value(), updatedMarker);
                backend.setCurrentKey(values - 1);
                check(payload.value(), updates >= values ? updatedMarker : 1);
                return millis;
            } finally {
                backend.close();
            }
        }
    }

    private static void check(byte[] value, int marker) {
        if (value == null || value[0] != marker) {
            throw new IllegalStateException("Restored state is wrong: " + (value == null ? "missing" : "marker " + value[0]));
        }
    }
}
