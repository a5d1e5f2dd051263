package org.millrace.shuffle.hadoop;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;

/**
 * Opens Hadoop file systems for Millrace's own files (spill files, checkpoints), which carry their
 * own CRC32C checksums: on the local file system Hadoop's {@code .crc} side files are switched off,
 * so a damaged file is reported by Millrace's check, naming the file, not by Hadoop's.
 */
public final class HadoopFileSystems {

    private HadoopFileSystems() {}

    /** A private instance (closing it closes nobody else's) of the file system of {@code uri}. */
    public static FileSystem newInstance(URI uri, org.apache.hadoop.conf.Configuration conf) throws IOException {
        FileSystem fs = FileSystem.newInstance(uri, conf);
        if (fs instanceof ChecksumFileSystem checksummed) {
            checksummed.setWriteChecksum(false);
            checksummed.setVerifyChecksum(false);
        }
        return fs;
    }
}
