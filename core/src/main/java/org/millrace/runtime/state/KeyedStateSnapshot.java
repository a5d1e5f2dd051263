package org.millrace.runtime.state;

import java.io.IOException;

/**
 * The asynchronous part of a keyed state snapshot: what the synchronous part captured, written by a
 * checkpoint writer thread while the task goes on. Exists so a backend decides what to write (bytes
 * of the canonical format, or the files of an incremental checkpoint) while the task decides where.
 */
@FunctionalInterface
public interface KeyedStateSnapshot {

    /** Writes the snapshot's files through {@code target} and returns their handles. */
    KeyedStateHandles write(KeyedSnapshotTarget target) throws IOException;

    /** A snapshot that is never written (the checkpoint was declined) frees what it holds. */
    default void discard() {}

    /** Parts frozen in the task thread, serialized in the canonical format to one private file by the writer. */
    static KeyedStateSnapshot ofFrozenParts(KeyedStateParts.Frozen frozen) {
        return target -> {
            try (CheckpointStateOutputStream out = target.createPrivateFile(".keyed")) {
                frozen.writeTo(out);
                return new KeyedStateHandles(java.util.List.of(out.closeAndGetHandle()), null);
            }
        };
    }

    /** A snapshot of bytes already serialized in the canonical format, written to one private file. */
    static KeyedStateSnapshot ofCanonicalBytes(byte[] serialized) {
        return target -> {
            try (CheckpointStateOutputStream out = target.createPrivateFile(".keyed")) {
                out.write(serialized);
                return new KeyedStateHandles(java.util.List.of(out.closeAndGetHandle()), null);
            }
        };
    }
}
