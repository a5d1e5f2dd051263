package org.millrace.runtime.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/** Lets a test write a keyed snapshot's private file into memory; refuses shared files. */
public record MemorySnapshotTarget(ByteArrayOutputStream bytes) implements KeyedSnapshotTarget {

    @Override
    public CheckpointStateOutputStream createPrivateFile(String suffix) {
        return new CheckpointStateOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public FileStateHandle closeAndGetHandle() {
                return new FileStateHandle("memory" + suffix, bytes.size(), 0);
            }
        };
    }

    @Override
    public CheckpointStateOutputStream createSharedFile(String name) throws IOException {
        throw new IOException("the heap backend writes no shared files");
    }
}
