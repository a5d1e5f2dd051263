package org.millrace.runtime.state.filesystem;

import java.io.IOException;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * Writes one checkpoint file: the state bytes pass through a CRC32C, and
 * {@link #closeAndGetHandle()} appends the {@link StateFileFormat trailer}, makes the file durable
 * ({@code hsync}) and returns its handle. A stream closed any other way (a failed snapshot) leaves
 * a file without a valid trailer, which recovery never accepts. Used by one thread.
 */
public final class ChecksummedStateOutputStream extends CheckpointStateOutputStream {

    private final FSDataOutputStream out;
    private final String relativePath;
    private final String displayPath;
    private final CRC32C crc = new CRC32C();
    private long length;
    private boolean closed;

    ChecksummedStateOutputStream(FSDataOutputStream out, String relativePath, String displayPath) {
        this.out = out;
        this.relativePath = relativePath;
        this.displayPath = displayPath;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        crc.update(b);
        length++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        crc.update(b, off, len);
        length += len;
    }

    /** Ends the file with its trailer, syncs it to durable storage and closes it. */
    @Override
    public FileStateHandle closeAndGetHandle() throws IOException {
        if (closed) {
            throw new IllegalStateException(displayPath + " is already closed");
        }
        closed = true;
        int checksum = (int) crc.getValue();
        try (out) {
            out.write(StateFileFormat.trailer(length, checksum));
            out.hsync();
        }
        return new FileStateHandle(relativePath, length, checksum);
    }

    /** Abandons the file (a failed snapshot); it stays without trailer until its checkpoint is discarded. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
