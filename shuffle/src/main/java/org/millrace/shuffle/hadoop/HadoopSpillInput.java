package org.millrace.shuffle.hadoop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A spill file read sequentially from a Hadoop file system through a staging array: the stream is
 * asked for a full array at a time, and frame headers and bodies are copied out of it. Bounded
 * read-ahead: at most one array beyond what the reader consumed. Used by one thread.
 */
final class HadoopSpillInput implements ReadableByteChannel {

    private final FSDataInputStream in;
    private final byte[] staging;
    private int position;
    private int limit;
    private boolean open = true;

    HadoopSpillInput(FSDataInputStream in, int bufferSize) {
        this.in = in;
        this.staging = new byte[bufferSize];
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(dst.remaining(), limit - position);
        dst.put(staging, position, n);
        position += n;
        return n;
    }

    /** Refills the staging array; false at the end of the file. */
    private boolean fill() throws IOException {
        int n = in.read(staging, 0, staging.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        in.close();
    }
}
