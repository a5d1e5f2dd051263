package org.millrace.shuffle.hadoop;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for tests: Hadoop's MiniDFSCluster with one DataNode under a test's directory.
 * Starting one takes seconds, so a test class starts it once ({@code @BeforeAll}) and closes it
 * at the end ({@code @AfterAll}). Shared with the other modules' tests through this module's test jar.
 */
public final class MiniDfs implements AutoCloseable {

    private final MiniDFSCluster cluster;

    private MiniDfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts a cluster keeping its blocks below {@code baseDirectory}; returns once it is active. */
    public static MiniDfs start(Path baseDirectory) throws IOException {
        HdfsConfiguration conf = new HdfsConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDirectory.toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        return new MiniDfs(cluster);
    }

    /** {@code hdfs://localhost:<port>}. */
    public URI uri() {
        return cluster.getURI();
    }

    public MiniDFSCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
