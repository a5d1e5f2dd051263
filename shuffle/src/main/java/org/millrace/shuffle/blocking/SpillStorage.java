package org.millrace.shuffle.blocking;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Where blocking partitions keep their spill files. The partition code only creates, opens and
 * deletes files by path, so the same code writes to local disk ({@link LocalSpillStorage}) and to
 * HDFS or any other Hadoop file system ({@link org.millrace.shuffle.hadoop.HadoopSpillStorage}).
 *
 * <p>Paths are plain strings joined with {@code '/'} (a local path, or a URI such as
 * {@code hdfs://namenode:8020/millrace/spill/...} for Hadoop storage).
 */
public interface SpillStorage extends Closeable {

    /**
     * Creates (or truncates) a file for writing, creating missing parent directories.
     *
     * @throws IOException if the file cannot be created, naming it
     */
    Output create(String path) throws IOException;

    /**
     * Opens an existing file for sequential reading from its start.
     *
     * @throws IOException if the file does not exist or cannot be read, naming it
     */
    ReadableByteChannel open(String path) throws IOException;

    /** Deletes a file, or a directory with everything in it. A missing path is not an error. */
    void delete(String path) throws IOException;

    /** Whether the file or directory exists. */
    boolean exists(String path) throws IOException;

    /** Frees what the storage holds (a file system client); files stay. Nothing is used after it. */
    @Override
    default void close() throws IOException {}

    /** A file being written, appended to sequentially. Used by one thread. */
    interface Output extends Closeable {

        /** Writes all remaining bytes of {@code header} and then of {@code body}. */
        void write(ByteBuffer header, ByteBuffer body) throws IOException;

        /** Makes everything written so far durable and visible to readers in other processes (fsync / hsync). */
        void sync() throws IOException;
    }
}
