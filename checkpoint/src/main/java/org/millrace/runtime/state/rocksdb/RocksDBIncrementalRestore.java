package org.millrace.runtime.state.rocksdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.TaskCheckpointStorage;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Brings incremental RocksDB snapshots back: downloads a snapshot's files (their lengths and
 * checksums checked as they are read, so a damaged file fails the restore naming it) into a
 * directory where RocksDB opens them — the backend's own database directory when the key groups
 * are the same, otherwise a temporary one from which the key groups this instance owns are copied,
 * column family by column family, with range scans.
 */
final class RocksDBIncrementalRestore {

    private static final int BATCH_BYTES = 4 << 20;

    private final TaskCheckpointStorage storage;
    private final Path workingDirectory;
    private final String operatorIdentifier;

    RocksDBIncrementalRestore(TaskCheckpointStorage storage, Path workingDirectory, String operatorIdentifier) {
        this.storage = storage;
        this.workingDirectory = workingDirectory;
        this.operatorIdentifier = operatorIdentifier;
    }

    /** Downloads every file of {@code handle} into {@code directory}. */
    void download(IncrementalKeyedStateHandle handle, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (FileStateHandle file : handle.privateFiles()) {
            copy(storage.openRestoredStateFile(file), directory.resolve(IncrementalKeyedStateHandle.localName(file, false)));
        }
        for (FileStateHandle file : handle.sharedFiles()) {
            copy(storage.openRestoredSharedStateFile(file),
                    directory.resolve(IncrementalKeyedStateHandle.localName(file, true)));
        }
    }

    private static void copy(InputStream source, Path target) throws IOException {
        try (InputStream in = source; OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    /** Opens {@code handle}'s database in a temporary directory and copies the key groups of {@code mine} into {@code into}. */
    void copyKeyGroups(IncrementalKeyedStateHandle handle, KeyGroupRange mine, RocksDBInstance into, RocksDBMemory memory)
            throws IOException {
        int first = Math.max(mine.startKeyGroup(), handle.keyGroups().startKeyGroup());
        int last = Math.min(mine.endKeyGroup(), handle.keyGroups().endKeyGroup());
        if (first > last) {
            return;
        }
        Path temporary = workingDirectory.resolve("restore-" + UUID.randomUUID());
        try {
            download(handle, temporary);
            try (RocksDBInstance source = new RocksDBInstance(temporary, memory)) {
                for (String state : source.stateNames()) {
                    copyColumnFamily(source, source.columnFamily(state), into, into.columnFamily(state), first, last);
                }
            }
        } catch (RocksDBException e) {
            throw new IOException(operatorIdentifier + " could not copy restored key groups: " + e.getMessage(), e);
        } finally {
            RocksDBKeyedStateBackend.deleteRecursively(temporary);
        }
    }

    private static void copyColumnFamily(RocksDBInstance source, ColumnFamilyHandle from, RocksDBInstance into,
                                         ColumnFamilyHandle to, int first, int last) throws IOException, RocksDBException {
        WriteBatch[] batch = {new WriteBatch()};
        try {
            source.forEachInKeyGroups(from, first, last, (key, value) -> {
                try {
                    batch[0].put(to, key, value);
                    if (batch[0].getDataSize() > BATCH_BYTES) {
                        into.db().write(into.writeOptions(), batch[0]);
                        batch[0].close();
                        batch[0] = new WriteBatch();
                    }
                } catch (RocksDBException e) {
                    throw new IOException("Could not write restored state: " + e.getMessage(), e);
                }
            });
            into.db().write(into.writeOptions(), batch[0]);
        } finally {
            batch[0].close();
        }
    }
}
