package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Appends frames to one subpartition's spill file. Frame layout (big-endian):
 *
 * <pre>
 *  [int length][int CRC32C over flags and bytes][byte flags: 0 data, 1 event][length bytes]
 * </pre>
 *
 * The checksum covers the flags too, so a flipped byte can neither change data nor turn data into
 * an event unnoticed; a changed length shows up as a checksum mismatch or a truncated file.
 * Used by the producer's thread; {@link #closeQuietly()} may come from a failing thread.
 */
final class SpillFileWriter {

    static final int HEADER_BYTES = 4 + 4 + 1;
    static final byte FLAG_DATA = 0;
    static final byte FLAG_EVENT = 1;

    private final String path;
    private final SpillStorage.Output output;
    private final ByteBuffer header = ByteBuffer.allocateDirect(HEADER_BYTES);
    private final CRC32C crc = new CRC32C();
    private int frames;
    private int dataFrames;
    private long bytes;

    SpillFileWriter(SpillStorage storage, String path) throws IOException {
        this.path = path;
        this.output = storage.create(path);
    }

    /** Appends {@code bytes} (position to limit; the position is advanced) as one frame. */
    void append(ByteBuffer bytes, boolean isEvent) throws IOException {
        byte flags = isEvent ? FLAG_EVENT : FLAG_DATA;
        crc.reset();
        crc.update(flags);
        int start = bytes.position();
        crc.update(bytes);
        bytes.position(start);
        header.clear();
        header.putInt(bytes.remaining()).putInt((int) crc.getValue()).put(flags).flip();
        this.bytes += HEADER_BYTES + bytes.remaining();
        output.write(header, bytes);
        frames++;
        if (!isEvent) {
            dataFrames++;
        }
    }

    /** Makes the file durable and closes it. */
    void syncAndClose() throws IOException {
        try {
            output.sync();
        } finally {
            output.close();
        }
    }

    void closeQuietly() {
        try {
            output.close();
        } catch (IOException | RuntimeException ignored) {
            // the file is deleted next; nothing more to do
        }
    }

    String path() {
        return path;
    }

    /** Frames appended so far (data and events). */
    int frames() {
        return frames;
    }

    /** Data frames (not events) appended so far. */
    int dataFrames() {
        return dataFrames;
    }

    /** Bytes appended so far, frame headers included: the file's length once closed. */
    long bytes() {
        return bytes;
    }
}
