package org.millrace.yarn.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.millrace.configuration.Configuration;
import org.millrace.yarn.configuration.YarnConfigOptions;

/**
 * An application's files on the cluster's file system, {@code <base>/.millrace/<application id>/}
 * (base: {@code yarn.staging-directory}, else the user's home directory): the framework JARs (unless
 * {@code yarn.provided.lib.dirs}), {@code flink-conf.yaml}, {@code yarn-site.xml} and the log
 * configuration. Containers localize every file in it; it is deleted when the application ends.
 */
public final class StagingDirectory {

    private final FileSystem fs;
    private final Path path;

    private StagingDirectory(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /** The directory of the given application (created by {@link #create}). */
    public static StagingDirectory of(Configuration configuration, org.apache.hadoop.conf.Configuration hadoopConf,
                                      ApplicationId applicationId) throws IOException {
        FileSystem fs = FileSystem.get(hadoopConf);
        Path base = configuration.getOptional(YarnConfigOptions.STAGING_DIRECTORY).map(Path::new)
                .orElseGet(fs::getHomeDirectory);
        return new StagingDirectory(fs, fs.makeQualified(new Path(base, ".millrace/" + applicationId)));
    }

    public StagingDirectory create() throws IOException {
        fs.mkdirs(path);
        return this;
    }

    public Path path() {
        return path;
    }

    public void upload(java.nio.file.Path localFile) throws IOException {
        fs.copyFromLocalFile(false, true, new Path(localFile.toUri()), new Path(path, localFile.getFileName().toString()));
    }

    public void write(String name, InputStream content) throws IOException {
        try (OutputStream out = fs.create(new Path(path, name), true)) {
            content.transferTo(out);
        }
    }

    /** Writes the configuration as {@code flink-conf.yaml}. */
    public void writeConfiguration(Map<String, String> entries) throws IOException {
        StringBuilder yaml = new StringBuilder("# Written by the YARN deployer for this application\n");
        entries.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        try (OutputStream out = fs.create(new Path(path, "flink-conf.yaml"), true)) {
            out.write(yaml.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    public void writeHadoopConfiguration(org.apache.hadoop.conf.Configuration hadoopConf) throws IOException {
        try (OutputStream out = fs.create(new Path(path, "yarn-site.xml"), true)) {
            hadoopConf.writeXml(out);
        }
    }

    public boolean exists() throws IOException {
        return fs.exists(path);
    }

    public void delete() throws IOException {
        fs.delete(path, true);
    }
}
