package org.millrace.yarn.entrypoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.util.InstantiationUtil;

/**
 * The job of a per-job application, kept in its staging directory ({@code job/}: the serialized job
 * graph and the job's JARs) when the application may have more than one ApplicationMaster attempt:
 * a later attempt finds it there and runs the same job, with the same job id, again.
 *
 * <p>The JARs are written first and the job graph last, under a temporary name renamed when
 * complete: a job graph present means the whole job is there.
 */
final class StagedJob {

    static final String DIRECTORY = "job";
    private static final String GRAPH_FILE = "jobgraph.bin";
    private static final String JAR_PREFIX = "jar-";

    private final FileSystem fs;
    private final Path directory;

    /** A staged job found in the staging directory: its graph and its JARs, downloaded to a local directory. */
    record Recovered(JobGraph jobGraph, List<java.nio.file.Path> jars) {}

    StagedJob(FileSystem fs, Path stagingDir) {
        this.fs = fs;
        this.directory = new Path(stagingDir, DIRECTORY);
    }

    /** Stores the job graph and its JARs (local files), replacing what was stored before. */
    void store(JobGraph jobGraph, List<java.nio.file.Path> jars) throws IOException {
        fs.delete(directory, true);
        fs.mkdirs(directory);
        for (int i = 0; i < jars.size(); i++) {
            fs.copyFromLocalFile(false, true, new Path(jars.get(i).toUri()),
                    new Path(directory, JAR_PREFIX + i + "-" + jars.get(i).getFileName()));
        }
        Path temporary = new Path(directory, GRAPH_FILE + ".tmp");
        try (FSDataOutputStream out = fs.create(temporary, true)) {
            out.write(InstantiationUtil.serializeObject(jobGraph));
            out.hsync();
        }
        if (!fs.rename(temporary, new Path(directory, GRAPH_FILE))) {
            throw new IOException("Could not rename " + temporary + " to " + GRAPH_FILE);
        }
    }

    /**
     * The stored job, if a complete one is there; its JARs are downloaded to {@code localDir} and the
     * graph is read with a class loader of them (child of {@code parent}).
     */
    Optional<Recovered> recover(java.nio.file.Path localDir, ClassLoader parent) throws IOException {
        Path graphFile = new Path(directory, GRAPH_FILE);
        if (!fs.exists(graphFile)) {
            return Optional.empty();
        }
        Files.createDirectories(localDir);
        FileStatus[] files = fs.listStatus(directory, path -> path.getName().startsWith(JAR_PREFIX));
        Arrays.sort(files, Comparator.comparingInt(StagedJob::jarIndex));
        List<java.nio.file.Path> jars = new ArrayList<>();
        for (FileStatus file : files) {
            java.nio.file.Path local = localDir.resolve(file.getPath().getName());
            fs.copyToLocalFile(false, file.getPath(), new Path(local.toUri()), true);
            jars.add(local);
        }
        byte[] bytes;
        try (InputStream in = fs.open(graphFile)) {
            bytes = in.readAllBytes();
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, parent)) {
            return Optional.of(new Recovered(InstantiationUtil.deserializeObject(bytes, loader), jars));
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IOException("The stored job graph " + graphFile + " cannot be read: " + e, e);
        }
    }

    private static int jarIndex(FileStatus file) {
        String name = file.getPath().getName();
        return Integer.parseInt(name.substring(JAR_PREFIX.length(), name.indexOf('-', JAR_PREFIX.length())));
    }
}
