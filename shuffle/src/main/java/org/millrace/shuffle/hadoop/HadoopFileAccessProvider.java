package org.millrace.shuffle.hadoop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.millrace.configuration.Configuration;
import org.millrace.core.fs.FileAccess;
import org.millrace.core.fs.FileAccessProvider;

/**
 * Serves every non-local scheme Hadoop knows ({@code hdfs://}, {@code viewfs://}, ...) to text
 * sources and sinks, with Hadoop's settings from {@code HADOOP_CONF_DIR}. File system clients come
 * from Hadoop's cache and are not closed here.
 */
public final class HadoopFileAccessProvider implements FileAccessProvider {

    @Override
    public Optional<FileAccess> forUri(URI uri) throws IOException {
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return Optional.empty();
        }
        FileSystem fs;
        try {
            fs = FileSystem.get(uri, HadoopConfigurations.load(new Configuration()));
        } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            return Optional.empty();
        }
        return Optional.of(new HadoopFileAccess(fs));
    }

    /** {@link FileAccess} on one Hadoop file system. */
    private record HadoopFileAccess(FileSystem fs) implements FileAccess {

        @Override
        public List<String> listFiles(String path) throws IOException {
            Path root = new Path(path);
            FileStatus status = fs.getFileStatus(root);
            if (status.isFile()) {
                return List.of(status.getPath().toString());
            }
            List<String> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                Path file = it.next().getPath();
                if (!file.getName().startsWith(".") && !file.getName().startsWith("_")) {
                    files.add(file.toString());
                }
            }
            files.sort(null);
            return files;
        }

        @Override
        public InputStream open(String file) throws IOException {
            return fs.open(new Path(file));
        }

        @Override
        public OutputStream create(String file, boolean overwrite) throws IOException {
            return fs.create(new Path(file), overwrite);
        }

        @Override
        public boolean isFile(String path) throws IOException {
            return fs.isFile(new Path(path));
        }

        @Override
        public boolean isDirectory(String path) throws IOException {
            return fs.isDirectory(new Path(path));
        }

        @Override
        public void deleteRecursively(String path) throws IOException {
            fs.delete(new Path(path), true);
        }

        @Override
        public void mkdirs(String path) throws IOException {
            fs.mkdirs(new Path(path));
        }

        @Override
        public String child(String parent, String child) {
            return new Path(new Path(parent), child).toString();
        }
    }
}
