package org.millrace.runtime.highavailability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.zookeeper.KeeperException;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.shuffle.hadoop.HadoopConfigurations;
import org.millrace.shuffle.hadoop.HadoopFileSystems;
import org.millrace.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submitted jobs a new leader must recover: each job graph and its JARs are written to
 * {@code high-availability.storageDir/<cluster-id>/jobgraphs/<jobId>/} through Hadoop's FileSystem
 * ({@code hdfs://}, {@code file://}), and a ZooKeeper node {@code /jobgraphs/<jobId>} points there.
 * The files are complete before the pointer exists, and the pointer is gone before the files go, so
 * a leader never recovers half a job.
 */
public final class JobGraphStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobGraphStore.class);
    private static final String NODES = "/jobgraphs";
    private static final String GRAPH_FILE = "jobgraph.bin";
    private static final String JARS = "jars";

    private final CuratorFramework client;
    private final FileSystem fileSystem;
    private final org.apache.hadoop.fs.Path root;

    /** A graph read back, with local copies of its JARs (in their original order). */
    public record RecoveredJob(JobGraph jobGraph, List<Path> jars) {}

    /**
     * @param client the cluster's ZooKeeper client (namespaced to {@code <path.root>/<cluster-id>})
     * @throws IllegalConfigurationException if {@code high-availability.storageDir} is missing
     */
    public JobGraphStore(CuratorFramework client, Configuration configuration) throws IOException {
        String storageDir = configuration.get(HighAvailabilityOptions.HA_STORAGE_PATH);
        if (storageDir == null || storageDir.isBlank()) {
            throw new IllegalConfigurationException("ZooKeeper HA needs '" + HighAvailabilityOptions.HA_STORAGE_PATH.key()
                    + "' (e.g. hdfs:///flink/ha or file:///shared/ha), where submitted jobs are kept for a new leader");
        }
        String clusterId = configuration.get(HighAvailabilityOptions.HA_CLUSTER_ID).replaceAll("^/+|/+$", "");
        URI base = URI.create(storageDir.trim());
        this.client = client;
        this.fileSystem = HadoopFileSystems.newInstance(base, HadoopConfigurations.load(configuration));
        this.root = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(base), clusterId + "/jobgraphs");
    }

    /** Writes the job's graph and JARs, then the pointer to them. */
    public void put(JobGraph jobGraph, List<Path> jars) throws Exception {
        JobID jobId = jobGraph.getJobID();
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root, jobId.toString());
        fileSystem.delete(dir, true);
        try (OutputStream out = fileSystem.create(new org.apache.hadoop.fs.Path(dir, GRAPH_FILE), false)) {
            out.write(InstantiationUtil.serializeObject(jobGraph));
        }
        for (int i = 0; i < jars.size(); i++) {
            // the index keeps the class path order; the rest of the name is the JAR's
            fileSystem.copyFromLocalFile(new org.apache.hadoop.fs.Path(jars.get(i).toUri()),
                    new org.apache.hadoop.fs.Path(dir, JARS + "/" + i + "-" + jars.get(i).getFileName()));
        }
        byte[] pointer = dir.toString().getBytes(StandardCharsets.UTF_8);
        try {
            client.create().creatingParentsIfNeeded().forPath(NODES + "/" + jobId, pointer);
        } catch (KeeperException.NodeExistsException e) {
            client.setData().forPath(NODES + "/" + jobId, pointer);
        }
        LOG.info("Stored job {} ({}) with {} JAR(s) in {}", jobGraph.getName(), jobId, jars.size(), dir);
    }

    /** The jobs stored, i.e. submitted and not yet removed. */
    public List<JobID> jobIds() throws Exception {
        if (client.checkExists().forPath(NODES) == null) {
            return List.of();
        }
        return client.getChildren().forPath(NODES).stream().map(JobID::fromHexString).toList();
    }

    /**
     * Reads a stored job back; its JARs are copied into {@code localDirectory}, and the graph is read
     * with a class loader over them.
     */
    public RecoveredJob recover(JobID jobId, Path localDirectory, ClassLoader parent) throws Exception {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(
                new String(client.getData().forPath(NODES + "/" + jobId), StandardCharsets.UTF_8));
        Files.createDirectories(localDirectory);
        List<Path> jars = new ArrayList<>();
        org.apache.hadoop.fs.Path jarDir = new org.apache.hadoop.fs.Path(dir, JARS);
        if (fileSystem.exists(jarDir)) {
            FileStatus[] stored = fileSystem.listStatus(jarDir);
            Arrays.sort(stored, Comparator.comparingInt(JobGraphStore::jarIndex));
            for (FileStatus jar : stored) {
                String name = jar.getPath().getName();
                Path local = localDirectory.resolve(name.substring(name.indexOf('-') + 1));
                fileSystem.copyToLocalFile(false, jar.getPath(), new org.apache.hadoop.fs.Path(local.toUri()), true);
                jars.add(local);
            }
        }
        byte[] bytes;
        try (InputStream in = fileSystem.open(new org.apache.hadoop.fs.Path(dir, GRAPH_FILE))) {
            bytes = in.readAllBytes();
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, parent)) {
            return new RecoveredJob(InstantiationUtil.deserializeObject(bytes, loader), jars);
        }
    }

    private static int jarIndex(FileStatus jar) {
        String name = jar.getPath().getName();
        return Integer.parseInt(name.substring(0, name.indexOf('-')));
    }

    /** Removes the pointer, then the files; a job not stored is no error. */
    public void remove(JobID jobId) throws Exception {
        try {
            client.delete().forPath(NODES + "/" + jobId);
        } catch (KeeperException.NoNodeException alreadyGone) {
            // removed before, e.g. by an earlier leader that was deposed half-way
        }
        fileSystem.delete(new org.apache.hadoop.fs.Path(root, jobId.toString()), true);
        LOG.info("Removed job {} from the job graph store", jobId);
    }

    /** Deletes the cluster's whole directory below the storage directory (the cluster ends for good). */
    public void deleteClusterFiles() throws IOException {
        fileSystem.delete(root.getParent(), true);
        LOG.info("Deleted the cluster's high-availability files in {}", root.getParent());
    }

    @Override
    public void close() throws IOException {
        fileSystem.close();
    }
}
