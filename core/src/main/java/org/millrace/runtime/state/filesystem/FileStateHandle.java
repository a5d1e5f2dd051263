package org.millrace.runtime.state.filesystem;

import java.io.Serializable;
import java.util.Objects;

/**
 * A checksummed state file of a checkpoint: where it is (relative to the checkpoint's directory,
 * so a checkpoint can be moved or copied as a whole), how many bytes of state it holds and their
 * CRC32C, which the file's trailer repeats. Enough to detect a missing, truncated or corrupt file
 * before its state is used.
 *
 * @param relativePath the file's path below the checkpoint directory, e.g. {@code op-1a2b-3.keyed}
 * @param length bytes of state (the file is {@link StateFileFormat#TRAILER_BYTES} longer)
 * @param crc32c CRC32C of those bytes
 */
public record FileStateHandle(String relativePath, long length, int crc32c) implements Serializable {

    public FileStateHandle {
        Objects.requireNonNull(relativePath, "relativePath");
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("A state file's path must be relative and inside its checkpoint: '"
                    + relativePath + "'");
        }
        if (length < 0) {
            throw new IllegalArgumentException("Negative state length " + length + " of " + relativePath);
        }
    }
}
