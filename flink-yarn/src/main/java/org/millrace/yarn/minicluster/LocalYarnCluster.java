package org.millrace.yarn.minicluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HDFS and YARN on this machine: Hadoop's own MiniDFSCluster (one DataNode) and MiniYARNCluster
 * (one ResourceManager, one NodeManager) in this JVM, on free ports, with their data under one
 * directory; and a Hadoop configuration directory ({@code core-site.xml}, {@code hdfs-site.xml},
 * {@code yarn-site.xml}) that points clients at them. The tests use it, and {@code bin/mini-yarn.sh}
 * runs {@link #main} in a background JVM so that a user without a Hadoop cluster can try
 * {@code yarn-session.sh} and {@code flink run -t yarn-per-job}.
 *
 * <p>Needs {@code hadoop-minicluster} and JUnit 4 (which MiniYARNCluster calls) on the class path:
 * the distribution keeps them in {@code opt/mini-yarn/}, apart from {@code lib/}.
 */
public final class LocalYarnCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalYarnCluster.class);
    /** The file {@link #main} writes once the clusters run: what the user needs to know, one line each. */
    public static final String READY_FILE = "ready";

    /**
     * How long an HDFS client first waits before asking again whether a file it closed is complete
     * (default 400 ms): with one DataNode on this machine the answer comes within milliseconds, and
     * the default made uploading lib/ (~100 files) take about 30 s.
     */
    private static final String CLOSE_RETRY_DELAY_KEY = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
    private static final int CLOSE_RETRY_DELAY_MS = 10;

    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;

    private LocalYarnCluster(MiniDFSCluster dfs, MiniYARNCluster yarn) {
        this.dfs = dfs;
        this.yarn = yarn;
    }

    /**
     * Starts HDFS, then YARN, and waits until the NodeManager has registered.
     *
     * @param workDir where HDFS keeps its blocks ({@code dfs/}) and YARN its containers and logs ({@code yarn/})
     * @param nodeManagerMemoryMb memory the NodeManager offers to containers
     */
    public static LocalYarnCluster start(Path workDir, String name, int nodeManagerMemoryMb) throws Exception {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, workDir.resolve("dfs").toAbsolutePath().toString());
        // MiniYARNCluster puts its directories under test.build.data (default: target/test/data of the working directory)
        System.setProperty("test.build.data", workDir.resolve("yarn").toAbsolutePath().toString());
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "99.5");
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setLong("yarn.nodemanager.sleep-delay-before-sigkill.ms", 100);
        conf.setLong("yarn.nodemanager.process-kill-wait.ms", 500);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, nodeManagerMemoryMb);
        conf.setInt(CLOSE_RETRY_DELAY_KEY, CLOSE_RETRY_DELAY_MS);
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            dfs.waitActive();
            conf.set(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY, dfs.getFileSystem().getUri().toString());
            MiniYARNCluster yarn = new MiniYARNCluster(name, 1, 1, 1);
            yarn.init(conf);
            yarn.start();
            LocalYarnCluster cluster = new LocalYarnCluster(dfs, yarn);
            if (!yarn.waitForNodeManagersToConnect(30_000)) {
                cluster.close();
                throw new IOException("The NodeManager did not register with the ResourceManager within 30 s");
            }
            return cluster;
        } catch (Exception | Error e) {
            dfs.shutdown();
            throw e;
        }
    }

    /** The configuration a client of these clusters needs: HDFS's address and the ResourceManager's ports. */
    public YarnConfiguration clientConfiguration() {
        YarnConfiguration conf = new YarnConfiguration(yarn.getConfig());
        // MiniYARNCluster's topology mapping is a class of Hadoop's test JARs, which clients and containers lack
        conf.unset("net.topology.node.switch.mapping.impl");
        return conf;
    }

    /**
     * Writes {@code core-site.xml} (the default file system), {@code hdfs-site.xml} (replication 1, a
     * short wait for closed files) and
     * {@code yarn-site.xml} (the whole client configuration) into {@code dir}.
     */
    public Path writeHadoopConfDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        YarnConfiguration all = clientConfiguration();
        Configuration core = new Configuration(false);
        core.set(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY, all.get(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY));
        Configuration hdfs = new Configuration(false);
        hdfs.setInt("dfs.replication", 1);
        hdfs.setInt(CLOSE_RETRY_DELAY_KEY, CLOSE_RETRY_DELAY_MS);
        writeXml(core, dir.resolve("core-site.xml"));
        writeXml(hdfs, dir.resolve("hdfs-site.xml"));
        writeXml(all, dir.resolve("yarn-site.xml"));
        return dir;
    }

    private static void writeXml(Configuration conf, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
    }

    /** A client of the HDFS (as the user running this JVM, its superuser). */
    public FileSystem fileSystem() throws IOException {
        return dfs.getFileSystem();
    }

    /**
     * Copies the JARs of a local directory to {@code /millrace/lib} on HDFS, readable by everyone, for
     * {@code yarn.provided.lib.dirs}; returns that directory's URI.
     */
    public String uploadFrameworkJars(Path localLib) throws IOException {
        FileSystem fs = fileSystem();
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path("/millrace/lib");
        fs.mkdirs(target);
        try (java.util.stream.Stream<Path> jars = Files.list(localLib)) {
            for (Path jar : (Iterable<Path>) jars.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()::iterator) {
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()),
                        new org.apache.hadoop.fs.Path(target, jar.getFileName().toString()));
            }
        }
        return fs.makeQualified(target).toString();
    }

    /** What a user needs to know, one line each: the configuration directory, HDFS's URI, the web UIs. */
    private List<String> summary(Path confDir, String providedLibDir) {
        Configuration conf = yarn.getConfig();
        return List.of("export HADOOP_CONF_DIR=" + confDir.toAbsolutePath(),
                "Framework JARs on HDFS (saves uploading lib/ per application): -Dyarn.provided.lib.dirs=" + providedLibDir,
                "HDFS: " + conf.get(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY)
                        + " (NameNode web UI: http://localhost:" + dfs.getNameNode().getHttpAddress().getPort() + ")",
                "YARN ResourceManager web UI: http://" + conf.get(YarnConfiguration.RM_WEBAPP_ADDRESS));
    }

    /** Stops YARN, then HDFS. */
    @Override
    public void close() {
        yarn.stop();
        dfs.shutdown();
    }

    /**
     * {@code --dir <directory> --lib <directory>}: starts the clusters with their data in the first
     * directory, writes {@code conf/} (the Hadoop configuration directory) there, copies the JARs of the
     * second to {@code /millrace/lib} on HDFS, writes {@value #READY_FILE}, and runs
     * until the JVM is asked to stop (SIGTERM, as {@code bin/mini-yarn.sh stop} sends), stopping the
     * clusters on the way out.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !"--dir".equals(args[0]) || !"--lib".equals(args[2])) {
            System.err.println("Usage: LocalYarnCluster --dir <directory> --lib <directory of the framework JARs>");
            System.exit(1);
        }
        Path dir = Paths.get(args[1]).toAbsolutePath();
        long start = System.nanoTime();
        LocalYarnCluster cluster = start(dir, "mini-yarn", 8192);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the mini YARN and HDFS clusters");
            cluster.close();
            stopped.countDown();
        }, "mini-yarn shutdown"));
        FileSystem fs = cluster.fileSystem();
        fs.mkdirs(fs.getHomeDirectory()); // where clients stage their applications
        Path confDir = cluster.writeHadoopConfDir(dir.resolve("conf"));
        long uploading = System.nanoTime();
        String providedLibDir = cluster.uploadFrameworkJars(Paths.get(args[3]));
        LOG.info("Uploaded the framework JARs to {} in {} ms", providedLibDir, (System.nanoTime() - uploading) / 1_000_000);
        List<String> summary = cluster.summary(confDir, providedLibDir);
        Path ready = dir.resolve(READY_FILE);
        Path temporary = Files.writeString(dir.resolve(READY_FILE + ".tmp"), String.join("\n", summary) + "\n",
                StandardCharsets.UTF_8);
        Files.move(temporary, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("Mini YARN and HDFS clusters running after {} ms: {}", (System.nanoTime() - start) / 1_000_000, summary);
        stopped.await();
    }
}
