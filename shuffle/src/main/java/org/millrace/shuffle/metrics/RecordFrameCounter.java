package org.millrace.shuffle.metrics;

import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;

/**
 * Counts the records in the data buffers of one channel by walking the frames the task's record
 * writer produced, without deserializing anything. A frame is {@code [int length][byte tag][...]}
 * ({@code length} counts the tag and the rest); tags 0 and 1 are records (without and with a
 * timestamp), other tags are watermarks and the like and are not counted. Frames may span buffers,
 * so the counter keeps where it is in the current frame between calls.
 *
 * <p>A frame whose length and tag lie in one buffer is read with one {@code getInt} and one
 * {@code get} and then skipped whole; only a frame head split over two buffers goes byte by byte.
 *
 * <p>A buffer filled by a {@code RecordWriter} arrives with its record count
 * ({@link Buffer#getRecordCount()}), which is taken as it is: buffers handed over locally are not
 * walked at all. Buffers read back from a file or the network have no count and are walked. A
 * channel's buffers are all of one kind (a local channel hands over the writer's own buffers), so
 * once a channel has been walked it is walked to its end.
 *
 * <p>Pitfall: it must see every data buffer of its channel, in order, exactly once.
 *
 * <p>Not thread-safe: one per channel, used by the thread that handles that channel's buffers.
 */
final class RecordFrameCounter {

    private static final int LENGTH_BYTES = 4;
    private static final byte MAX_RECORD_TAG = 1;

    /** Bytes of the current frame's body still to skip. */
    private int skip;
    /** Bytes of the current frame's length already read (0 = at a frame start). */
    private int lengthBytesRead;
    private int length;
    /** True once a buffer without a writer's count was walked: from then on every buffer is. */
    private boolean walking;

    /** The number of records that start in the data buffer {@code buffer}. */
    int countRecords(Buffer buffer) {
        int known = buffer.getRecordCount();
        if (known >= 0 && !walking) {
            return known;
        }
        walking = true;
        return countRecords(buffer.getMemorySegment(), buffer.getSize());
    }

    /** The number of records that start in the first {@code size} bytes of {@code segment}. */
    int countRecords(MemorySegment segment, int size) {
        int records = 0;
        int position = 0;
        while (position < size) {
            if (skip > 0) {
                int n = Math.min(skip, size - position);
                position += n;
                skip -= n;
            } else if (lengthBytesRead == 0 && position + LENGTH_BYTES < size) {
                // the frame's length and tag are both in this buffer: read them, skip the body
                int frameLength = segment.getInt(position);
                byte tag = segment.get(position + LENGTH_BYTES);
                if (tag >= 0 && tag <= MAX_RECORD_TAG) {
                    records++;
                }
                int end = position + LENGTH_BYTES + Math.max(1, frameLength);
                if (end > size) {
                    skip = end - size;
                    position = size;
                } else {
                    position = end;
                }
            } else if (lengthBytesRead < LENGTH_BYTES) {
                // a frame head split over this buffer and the next: byte by byte
                length = (length << 8) | (segment.get(position++) & 0xFF);
                lengthBytesRead++;
            } else {
                byte tag = segment.get(position++);
                if (tag >= 0 && tag <= MAX_RECORD_TAG) {
                    records++;
                }
                skip = Math.max(0, length - 1);
                lengthBytesRead = 0;
                length = 0;
            }
        }
        return records;
    }
}
