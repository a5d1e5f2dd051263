package org.millrace.runtime.state.rocksdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB database and its column families (one per state, named like the state), with
 * options whose memory comes from the process's shared {@link RocksDBMemory}. Keys start with their
 * key group as 2 bytes, big endian, so the entries of a key-group range are one contiguous key
 * range. Owns every native handle it creates; {@link #close} frees them all.
 */
final class RocksDBInstance implements AutoCloseable {

    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions columnOptions;
    private final WriteOptions writeOptions;
    private final Map<String, ColumnFamilyHandle> columnFamilies = new HashMap<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();

    /** Opens (or creates) the database in {@code directory} with every column family it already has. */
    RocksDBInstance(Path directory, RocksDBMemory memory) throws IOException {
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setWriteBufferManager(memory.writeBufferManager()).setMaxOpenFiles(-1)
                .setInfoLogLevel(org.rocksdb.InfoLogLevel.HEADER_LEVEL).setKeepLogFileNum(2);
        columnOptions = new ColumnFamilyOptions().setTableFormatConfig(new BlockBasedTableConfig()
                .setBlockCache(memory.cache()).setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true));
        // checkpoints flush the memtables; the write-ahead log would only duplicate them
        writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] name : existingColumnFamilies(directory)) {
                descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
            }
            if (descriptors.isEmpty()) {
                descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
            }
            db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
            for (int i = 0; i < descriptors.size(); i++) {
                columnFamilies.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8), handles.get(i));
            }
        } catch (RocksDBException e) {
            closeOptions();
            throw new IOException("Could not open RocksDB in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static List<byte[]> existingColumnFamilies(Path directory) throws RocksDBException {
        if (!directory.resolve("CURRENT").toFile().exists()) {
            return List.of();
        }
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, directory.toString());
        }
    }

    RocksDB db() {
        return db;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    /** The column family of state {@code name}, created if it does not exist yet. */
    ColumnFamilyHandle columnFamily(String name) throws IOException {
        ColumnFamilyHandle handle = columnFamilies.get(name);
        if (handle == null) {
            try {
                handle = db.createColumnFamily(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8),
                        columnOptions));
            } catch (RocksDBException e) {
                throw new IOException("Could not create the column family of state '" + name + "': " + e.getMessage(), e);
            }
            handles.add(handle);
            columnFamilies.put(name, handle);
        }
        return handle;
    }

    /** The names of the column families that hold state (not RocksDB's default one). */
    List<String> stateNames() {
        return columnFamilies.keySet().stream().filter(n -> !n.equals("default")).sorted().toList();
    }

    /** Writes the memtables of every column family to SST files, waiting until they are written. */
    void flush() throws IOException {
        try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
            db.flush(options, handles);
        } catch (RocksDBException e) {
            throw new IOException("Could not flush RocksDB: " + e.getMessage(), e);
        }
    }

    /** The 2-byte prefix of every key of {@code keyGroup}. */
    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    static int keyGroupOf(byte[] key) {
        return ((key[0] & 0xFF) << 8) | (key[1] & 0xFF);
    }

    /** Calls {@code visitor} with every entry of {@code columnFamily} in key groups {@code [first, last]}. */
    void forEachInKeyGroups(ColumnFamilyHandle columnFamily, int first, int last, EntryVisitor visitor) throws IOException {
        try (RocksIterator it = db.newIterator(columnFamily)) {
            for (it.seek(keyGroupPrefix(first)); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (keyGroupOf(key) > last) {
                    break;
                }
                visitor.visit(key, it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw new IOException("Could not read RocksDB: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the entries of {@code keyGroup} in the canonical format: their count, then per entry the
     * key without its key-group prefix (serialized key, then namespace if any) and the value.
     */
    boolean writeKeyGroup(ColumnFamilyHandle columnFamily, int keyGroup, DataOutputView out) throws IOException {
        DataOutputSerializer entries = new DataOutputSerializer(256);
        int[] count = new int[1];
        forEachInKeyGroups(columnFamily, keyGroup, keyGroup, (key, value) -> {
            entries.write(key, 2, key.length - 2);
            entries.write(value);
            count[0]++;
        });
        if (count[0] == 0) {
            return false;
        }
        out.writeInt(count[0]);
        out.write(entries.getSharedBuffer(), 0, entries.length());
        return true;
    }

    /** What {@link #forEachInKeyGroups} hands each entry to. */
    interface EntryVisitor {
        void visit(byte[] key, byte[] value) throws IOException;
    }

    @Override
    public void close() {
        for (ColumnFamilyHandle handle : handles) {
            handle.close();
        }
        db.close();
        closeOptions();
    }

    private void closeOptions() {
        writeOptions.close();
        columnOptions.close();
        dbOptions.close();
    }
}
