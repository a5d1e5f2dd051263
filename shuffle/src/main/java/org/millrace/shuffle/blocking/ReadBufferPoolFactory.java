package org.millrace.shuffle.blocking;

import java.io.IOException;
import org.millrace.shuffle.buffer.BufferProvider;

/**
 * Gives each reader of a blocking subpartition its own small buffer pool to read frames into. The
 * pool's size is the reader's credit: it reads a frame only into a free buffer, so a consumer that
 * holds its buffers stops the file being read. The view destroys its pool when released.
 */
@FunctionalInterface
public interface ReadBufferPoolFactory {

    /**
     * @param ownerName who reads (partition and subpartition), for errors and logs
     * @throws IOException if the buffers cannot be reserved
     */
    BufferProvider create(String ownerName) throws IOException;
}
