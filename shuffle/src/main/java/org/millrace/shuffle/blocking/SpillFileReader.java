package org.millrace.shuffle.blocking;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;
import org.millrace.core.memory.MemorySegment;

/**
 * Reads the frames of one spill file (format in {@link SpillFileWriter}) in order, verifying each
 * checksum before any byte reaches a consumer: a damaged or short file fails with an
 * {@link IOException} naming the file and the frame's offset, never with wrong data.
 * Used by one reading thread at a time.
 */
final class SpillFileReader implements Closeable {

    private final String path;
    private final ReadableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocateDirect(SpillFileWriter.HEADER_BYTES);
    private final CRC32C crc = new CRC32C();
    private long offset;
    private boolean lastFrameIsEvent;

    SpillFileReader(SpillStorage storage, String path) throws IOException {
        this.path = path;
        this.channel = storage.open(path);
    }

    /**
     * Reads the next frame into {@code target} from its start.
     *
     * @return the frame's length, or -1 if the file ends cleanly before another frame
     * @throws IOException if the frame is truncated, does not fit {@code target}, or its checksum does not match
     */
    int readFrame(MemorySegment target) throws IOException {
        long frameOffset = offset;
        header.clear();
        int headerRead = readFully(header);
        if (headerRead == 0) {
            return -1;
        }
        if (headerRead < SpillFileWriter.HEADER_BYTES) {
            throw truncated(frameOffset);
        }
        header.flip();
        int length = header.getInt();
        int expectedCrc = header.getInt();
        byte flags = header.get();
        if (length < 0 || length > target.size()) {
            throw corrupt("frame length " + length + " does not fit a " + target.size() + "-byte buffer", frameOffset);
        }
        ByteBuffer body = target.wrap(0, length);
        if (readFully(body) < length) {
            throw truncated(frameOffset);
        }
        body.flip();
        crc.reset();
        crc.update(flags);
        crc.update(body);
        if ((int) crc.getValue() != expectedCrc) {
            throw corrupt("checksum mismatch", frameOffset);
        }
        if (flags != SpillFileWriter.FLAG_DATA && flags != SpillFileWriter.FLAG_EVENT) {
            throw corrupt("unknown frame flags " + flags, frameOffset);
        }
        lastFrameIsEvent = flags == SpillFileWriter.FLAG_EVENT;
        return length;
    }

    /** Whether the frame last read is an event. */
    boolean lastFrameIsEvent() {
        return lastFrameIsEvent;
    }

    /** Offset of the next frame. */
    long offset() {
        return offset;
    }

    /**
     * Checks, after the last frame, that the file ends where its index says.
     *
     * @throws IOException naming the file if the last frame ends elsewhere
     */
    void checkEndsAt(long expectedBytes) throws IOException {
        if (offset != expectedBytes) {
            throw corrupt("its last frame ends here but its index records " + expectedBytes + " bytes", offset);
        }
    }

    /** The exception for a file that ended where the frame at {@code frameOffset} should continue. */
    IOException truncated(long frameOffset) {
        return corrupt("truncated", frameOffset);
    }

    private IOException corrupt(String what, long frameOffset) {
        return new IOException("Corrupt spill file " + path + ": " + what + " at offset " + frameOffset);
    }

    /** Reads until {@code into} is full or the file ends; an I/O error names the file and the offset. */
    private int readFully(ByteBuffer into) throws IOException {
        int total = 0;
        try {
            while (into.hasRemaining()) {
                int n = channel.read(into);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            throw new IOException("Cannot read spill file " + path + " at offset " + (offset + total) + ": "
                    + e.getMessage(), e);
        }
        offset += total;
        return total;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
