package org.millrace.core.fs;

import java.net.URI;
import java.util.Optional;

/**
 * Gives access to file systems other than the local one, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.millrace.core.fs.FileAccessProvider}); the shuffle module's Hadoop
 * provider serves {@code hdfs://} and every other scheme Hadoop knows.
 */
public interface FileAccessProvider {

    /** Access to the file system of {@code uri}, or empty if this provider does not serve its scheme. */
    Optional<FileAccess> forUri(URI uri) throws java.io.IOException;
}
