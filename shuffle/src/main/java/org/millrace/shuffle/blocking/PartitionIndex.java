package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;

/**
 * The {@code _index} file of a finished blocking partition: how many subpartitions it has and, per
 * subpartition, the spill file's length, its frames (end of partition included) and its data frames.
 * The producer writes it after every spill file is durable, so its presence means "finished"; a
 * reader in another process trusts nothing else. Layout (big-endian), checksummed as a whole:
 *
 * <pre>
 *  [int magic 'MRSI'][int version 1][int subpartitions n]
 *  n x [long bytes][int frames][int dataFrames]
 *  [int CRC32C of everything before]
 * </pre>
 */
final class PartitionIndex {

    private static final int MAGIC = 0x4D525349; // "MRSI"
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 12;
    private static final int ENTRY_BYTES = 16;
    /** A bound on what {@link #read} accepts, so a damaged count cannot make it allocate without limit. */
    private static final int MAX_SUBPARTITIONS = 1 << 22;

    private final long[] bytes;
    private final int[] frames;
    private final int[] dataFrames;

    PartitionIndex(long[] bytes, int[] frames, int[] dataFrames) {
        if (bytes.length != frames.length || bytes.length != dataFrames.length) {
            throw new IllegalArgumentException("Per-subpartition arrays differ in length");
        }
        this.bytes = bytes;
        this.frames = frames;
        this.dataFrames = dataFrames;
    }

    int numberOfSubpartitions() {
        return bytes.length;
    }

    long bytes(int subpartition) {
        return bytes[subpartition];
    }

    int frames(int subpartition) {
        return frames[subpartition];
    }

    int dataFrames(int subpartition) {
        return dataFrames[subpartition];
    }

    /** Writes {@code <partitionDirectory>/_index} and makes it durable. */
    void write(SpillStorage storage, String partitionDirectory) throws IOException {
        int n = bytes.length;
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + n * ENTRY_BYTES + 4);
        out.putInt(MAGIC).putInt(VERSION).putInt(n);
        for (int i = 0; i < n; i++) {
            out.putLong(bytes[i]).putInt(frames[i]).putInt(dataFrames[i]);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue()).flip();
        try (SpillStorage.Output file = storage.create(PartitionLayout.indexFile(partitionDirectory))) {
            file.write(out, ByteBuffer.allocate(0));
            file.sync();
        }
    }

    /**
     * Reads and verifies {@code <partitionDirectory>/_index}.
     *
     * @throws PartitionNotFinishedException if it is missing, short, or fails its checksum, naming it
     * @throws IOException if the storage cannot be read
     */
    static PartitionIndex read(SpillStorage storage, String partitionDirectory) throws IOException {
        String path = PartitionLayout.indexFile(partitionDirectory);
        if (!storage.exists(path)) {
            throw new PartitionNotFinishedException("Blocking partition " + partitionDirectory
                    + " is not finished: its index " + path + " does not exist");
        }
        ByteBuffer content;
        try (ReadableByteChannel in = storage.open(path)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            readFully(in, header);
            header.flip();
            if (header.remaining() < HEADER_BYTES || header.getInt(0) != MAGIC) {
                throw damaged(partitionDirectory, path, "is not a partition index");
            }
            if (header.getInt(4) != VERSION) {
                throw damaged(partitionDirectory, path, "has unknown version " + header.getInt(4));
            }
            int n = header.getInt(8);
            if (n < 1 || n > MAX_SUBPARTITIONS) {
                throw damaged(partitionDirectory, path, "claims " + n + " subpartitions");
            }
            content = ByteBuffer.allocate(HEADER_BYTES + n * ENTRY_BYTES + 4);
            content.put(header);
            readFully(in, content);
            if (content.hasRemaining() || in.read(ByteBuffer.allocate(1)) >= 0) {
                throw damaged(partitionDirectory, path, "has the wrong length");
            }
        }
        int crcOffset = content.capacity() - 4;
        CRC32C crc = new CRC32C();
        crc.update(content.array(), 0, crcOffset);
        if ((int) crc.getValue() != content.getInt(crcOffset)) {
            throw damaged(partitionDirectory, path, "fails its checksum");
        }
        int n = content.getInt(8);
        long[] bytes = new long[n];
        int[] frames = new int[n];
        int[] dataFrames = new int[n];
        content.position(HEADER_BYTES);
        for (int i = 0; i < n; i++) {
            bytes[i] = content.getLong();
            frames[i] = content.getInt();
            dataFrames[i] = content.getInt();
        }
        return new PartitionIndex(bytes, frames, dataFrames);
    }

    private static void readFully(ReadableByteChannel in, ByteBuffer into) throws IOException {
        while (into.hasRemaining() && in.read(into) >= 0) {
            // keep reading
        }
    }

    private static PartitionNotFinishedException damaged(String partitionDirectory, String path, String what) {
        return new PartitionNotFinishedException("Blocking partition " + partitionDirectory
                + " is not finished or damaged: its index " + path + " " + what);
    }
}
