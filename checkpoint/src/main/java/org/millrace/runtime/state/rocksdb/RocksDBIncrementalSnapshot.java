package org.millrace.runtime.state.rocksdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.KeyedSnapshotTarget;
import org.millrace.runtime.state.KeyedStateHandles;
import org.millrace.runtime.state.KeyedStateSnapshot;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.rocksdb.Checkpoint;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous part of an incremental RocksDB checkpoint: a local RocksDB checkpoint (hard links
 * to the immutable SST files, copies of the rest) taken in the task thread, uploaded by the writer
 * thread. SST files this backend uploaded before are referenced again, not uploaded; new ones go to
 * the job's shared directory as {@code <backend id>-<file name>}; MANIFEST, CURRENT and OPTIONS go to
 * the checkpoint's own directory as {@code <operator>-<subtask>.rocks/<file name>}. The heap-resident
 * parts (timers) go into one canonical file next to them. The local directory is deleted afterwards.
 */
final class RocksDBIncrementalSnapshot implements KeyedStateSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBIncrementalSnapshot.class);

    /**
     * The SST files a backend has uploaded (or restored from), by local name. An SST file never
     * changes and its name is never reused within a database, and every checkpoint that contains it
     * refers to the same shared file, so a retained checkpoint still holds it whenever it is live.
     */
    static final class UploadedFiles {
        private final String backendId = UUID.randomUUID().toString().replace("-", "");
        private final Map<String, FileStateHandle> byLocalName = new ConcurrentHashMap<>();

        void rememberRestored(IncrementalKeyedStateHandle handle) {
            for (FileStateHandle file : handle.sharedFiles()) {
                byLocalName.put(IncrementalKeyedStateHandle.localName(file, true), file);
            }
        }

        String sharedName(String localName) {
            return backendId + "-" + localName;
        }
    }

    private final String operatorIdentifier;
    private final KeyGroupRange keyGroups;
    private final byte[] heapParts;
    private final Path localCheckpoint;
    private final UploadedFiles uploaded;

    RocksDBIncrementalSnapshot(String operatorIdentifier, KeyGroupRange keyGroups, byte[] heapParts,
                               Path localCheckpoint, UploadedFiles uploaded) {
        this.operatorIdentifier = operatorIdentifier;
        this.keyGroups = keyGroups;
        this.heapParts = heapParts;
        this.localCheckpoint = localCheckpoint;
        this.uploaded = uploaded;
    }

    /** Hard-links the database's current files into {@code directory} (which must not exist). */
    static void createLocalCheckpoint(RocksDB db, Path directory) throws IOException {
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(directory.toString());
        } catch (RocksDBException e) {
            throw new IOException("Could not create a RocksDB checkpoint in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public KeyedStateHandles write(KeyedSnapshotTarget target) throws IOException {
        try {
            FileStateHandle timers;
            try (CheckpointStateOutputStream out = target.createPrivateFile(".keyed")) {
                out.write(heapParts);
                timers = out.closeAndGetHandle();
            }
            List<FileStateHandle> privateFiles = new ArrayList<>();
            List<FileStateHandle> sharedFiles = new ArrayList<>();
            int reused = 0;
            long uploadedBytes = 0;
            List<Path> files;
            try (Stream<Path> listing = Files.list(localCheckpoint)) {
                files = listing.sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".sst")) {
                    privateFiles.add(upload(file, target.createPrivateFile(".rocks/" + name)));
                    continue;
                }
                FileStateHandle known = uploaded.byLocalName.get(name);
                if (known != null) {
                    sharedFiles.add(known);
                    reused++;
                } else {
                    FileStateHandle handle = upload(file, target.createSharedFile(uploaded.sharedName(name)));
                    uploaded.byLocalName.put(name, handle);
                    sharedFiles.add(handle);
                    uploadedBytes += handle.length();
                }
            }
            LOG.debug("{}: incremental checkpoint with {} new SST files ({} bytes), {} reused", operatorIdentifier,
                    sharedFiles.size() - reused, uploadedBytes, reused);
            return new KeyedStateHandles(List.of(timers),
                    new IncrementalKeyedStateHandle(keyGroups, privateFiles, sharedFiles));
        } finally {
            discard();
        }
    }

    private static FileStateHandle upload(Path file, CheckpointStateOutputStream out) throws IOException {
        try (out; InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
            return out.closeAndGetHandle();
        }
    }

    @Override
    public void discard() {
        RocksDBKeyedStateBackend.deleteRecursively(localCheckpoint);
    }
}
