package org.millrace.core.fs;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.ServiceLoader;

/** Picks the {@link FileAccess} of a path: local for plain paths and {@code file:} URIs, else a provider's. */
public final class FileAccesses {

    private FileAccesses() {}

    /** @throws IOException if no provider on the class path serves the path's scheme, naming it */
    public static FileAccess forPath(String path) throws IOException {
        URI uri = schemeOf(path);
        if (uri == null || "file".equals(uri.getScheme())) {
            return LocalFileAccess.INSTANCE;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (FileAccessProvider provider : ServiceLoader.load(FileAccessProvider.class,
                loader != null ? loader : FileAccesses.class.getClassLoader())) {
            Optional<FileAccess> access = provider.forUri(uri);
            if (access.isPresent()) {
                return access.get();
            }
        }
        throw new IOException("No file system for '" + path + "': scheme '" + uri.getScheme() + "' is not served by any"
                + " FileAccessProvider on the class path (hdfs:// needs Millrace's Hadoop support, in lib/)");
    }

    /** The URI of a path that has a scheme (e.g. {@code hdfs://nn/x}), or null for a plain local path. */
    static URI schemeOf(String path) {
        int colon = path.indexOf(':');
        if (colon < 2 || path.indexOf('/') < colon) {
            return null; // "C:\\x" or a relative path with a colon later on
        }
        try {
            URI uri = URI.create(path);
            return uri.getScheme() == null ? null : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
