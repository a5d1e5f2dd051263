package org.millrace.shuffle.hadoop;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.ReadableByteChannel;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.shuffle.blocking.SpillStorage;

/**
 * {@link SpillStorage} on a Hadoop {@link FileSystem}: HDFS for partitions that must outlive their
 * TaskExecutor, or any other Hadoop file system ({@code file://} on a shared mount, ...).
 *
 * <p>The file system instance is this storage's own ({@link FileSystem#newInstance}), not the
 * JVM-wide cached one, so {@link #close()} affects nobody else. Hadoop's own checksum files of the
 * local file system are switched off: every spill frame carries a CRC32C already.
 *
 * <p>Writes and reads go through a heap staging buffer of {@code bufferSize} bytes per open file
 * (the Hadoop streams take byte arrays, the frames are in off-heap segments), so small frame headers
 * cost no call into the file system. Files are {@code hsync}ed when finished, so a reader in
 * another process sees all of them. Thread-safe; each stream is used by one thread.
 */
public final class HadoopSpillStorage implements SpillStorage {

    private final FileSystem fileSystem;
    private final int bufferSize;

    /** Uses {@code fileSystem} (and closes it on {@link #close()}). */
    public HadoopSpillStorage(FileSystem fileSystem, int bufferSize) {
        if (bufferSize < 1024) {
            throw new IllegalArgumentException("Spill I/O buffer of at least 1 KiB needed, got " + bufferSize);
        }
        this.fileSystem = fileSystem;
        this.bufferSize = bufferSize;
    }

    /**
     * Opens a private instance of the file system of {@code uri}.
     *
     * @throws IOException if there is no file system for the URI's scheme or it cannot be reached
     */
    public static HadoopSpillStorage open(URI uri, org.apache.hadoop.conf.Configuration conf, int bufferSize)
            throws IOException {
        return new HadoopSpillStorage(HadoopFileSystems.newInstance(uri, conf), bufferSize);
    }

    public FileSystem getFileSystem() {
        return fileSystem;
    }

    @Override
    public Output create(String path) throws IOException {
        // creates missing parent directories
        return new HadoopSpillOutput(fileSystem.create(new Path(path), true, bufferSize), bufferSize);
    }

    @Override
    public ReadableByteChannel open(String path) throws IOException {
        return new HadoopSpillInput(fileSystem.open(new Path(path), bufferSize), bufferSize);
    }

    @Override
    public void delete(String path) throws IOException {
        fileSystem.delete(new Path(path), true);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return fileSystem.exists(new Path(path));
    }

    @Override
    public void close() throws IOException {
        fileSystem.close();
    }

    @Override
    public String toString() {
        return "HadoopSpillStorage{" + fileSystem.getUri() + "}";
    }
}
