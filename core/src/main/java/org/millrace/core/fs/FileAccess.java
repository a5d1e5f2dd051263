package org.millrace.core.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The few file operations text sources and sinks need, on one file system: the local one
 * ({@link LocalFileAccess}), or another (e.g. HDFS) that a module on the class path provides
 * through {@link FileAccessProvider}. Paths are strings: plain local paths or URIs.
 */
public interface FileAccess {

    /** The regular files at {@code path}: the file itself, or every file below the directory whose name does not start with '.' or '_', sorted. */
    List<String> listFiles(String path) throws IOException;

    InputStream open(String file) throws IOException;

    /** A new file (parent directories created); an existing one is replaced only if {@code overwrite}. */
    OutputStream create(String file, boolean overwrite) throws IOException;

    boolean isFile(String path) throws IOException;

    boolean isDirectory(String path) throws IOException;

    /** Deletes a file, or a directory with everything in it; nothing if absent. */
    void deleteRecursively(String path) throws IOException;

    void mkdirs(String path) throws IOException;

    /** {@code child} inside directory {@code parent}. */
    String child(String parent, String child);
}
