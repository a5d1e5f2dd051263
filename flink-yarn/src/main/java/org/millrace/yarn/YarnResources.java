package org.millrace.yarn;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

/**
 * Turns the files of a directory on a Hadoop file system (the staging directory, a
 * {@code yarn.provided.lib.dirs} entry) into the local resources of a container: each file is
 * localized into the container's working directory under its own name, which puts JARs on the
 * {@code $PWD/*} class path and {@code flink-conf.yaml} in the configuration directory {@code $PWD}.
 */
public final class YarnResources {

    private YarnResources() {}

    /** Adds every plain file directly in {@code dir} to {@code resources}; a name already present wins. */
    public static void addFilesOf(FileSystem fs, Path dir, LocalResourceVisibility visibility,
                                  Map<String, LocalResource> resources) throws IOException {
        for (FileStatus file : fs.listStatus(dir)) {
            if (file.isFile()) {
                resources.putIfAbsent(file.getPath().getName(), LocalResource.newInstance(
                        URL.fromPath(fs.makeQualified(file.getPath())), LocalResourceType.FILE, visibility,
                        file.getLen(), file.getModificationTime()));
            }
        }
    }

    /** The staging directory's files (application-private) followed by those of the provided lib dirs (public). */
    public static Map<String, LocalResource> forContainer(org.apache.hadoop.conf.Configuration hadoopConf, Path stagingDir,
                                                          Iterable<String> providedLibDirs) throws IOException {
        Map<String, LocalResource> resources = new LinkedHashMap<>();
        addFilesOf(stagingDir.getFileSystem(hadoopConf), stagingDir, LocalResourceVisibility.APPLICATION, resources);
        for (String dir : providedLibDirs) {
            Path path = new Path(dir);
            addFilesOf(path.getFileSystem(hadoopConf), path, LocalResourceVisibility.PUBLIC, resources);
        }
        return resources;
    }
}
