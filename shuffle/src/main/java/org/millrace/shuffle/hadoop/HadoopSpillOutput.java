package org.millrace.shuffle.hadoop;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.millrace.shuffle.blocking.SpillStorage;

/**
 * A spill file being written to a Hadoop file system: frames are copied into a staging array and
 * handed to the stream a full array at a time. {@link #sync()} pushes everything to the file system
 * and {@code hsync}s it. Used by one thread.
 */
final class HadoopSpillOutput implements SpillStorage.Output {

    private final FSDataOutputStream out;
    private final byte[] staging;
    private int staged;

    HadoopSpillOutput(FSDataOutputStream out, int bufferSize) {
        this.out = out;
        this.staging = new byte[bufferSize];
    }

    @Override
    public void write(ByteBuffer header, ByteBuffer body) throws IOException {
        stage(header);
        stage(body);
    }

    private void stage(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            if (staged == staging.length) {
                drain();
            }
            int n = Math.min(bytes.remaining(), staging.length - staged);
            bytes.get(staging, staged, n);
            staged += n;
        }
    }

    private void drain() throws IOException {
        out.write(staging, 0, staged);
        staged = 0;
    }

    @Override
    public void sync() throws IOException {
        drain();
        out.hsync();
    }

    /** Closes the stream; bytes staged since the last {@link #sync()} are written first. */
    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
