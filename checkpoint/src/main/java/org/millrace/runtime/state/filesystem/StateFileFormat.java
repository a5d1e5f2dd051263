package org.millrace.runtime.state.filesystem;

import java.nio.ByteBuffer;

/**
 * The layout of every file a checkpoint writes: the state bytes, then a 16-byte trailer
 * {@code [long length][int crc32c][int magic]}. The trailer lets a reader tell a complete file from
 * a truncated one and a correct one from a corrupt one without any other metadata; the
 * {@link FileStateHandle} in the checkpoint's metadata repeats length and checksum, so a file
 * swapped for another complete file is caught too.
 */
public final class StateFileFormat {

    /** "MRSF": Millrace state file. */
    public static final int MAGIC = 0x4D525346;
    public static final int TRAILER_BYTES = 16;

    private StateFileFormat() {}

    static byte[] trailer(long length, int crc32c) {
        return ByteBuffer.allocate(TRAILER_BYTES).putLong(length).putInt(crc32c).putInt(MAGIC).array();
    }
}
