package org.millrace.runtime.highavailability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.zookeeper.KeeperException;
import org.millrace.runtime.checkpoint.CheckpointRecovery;
import org.millrace.runtime.checkpoint.CompletedCheckpoint;
import org.millrace.runtime.checkpoint.CompletedCheckpointPointers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's completed checkpoints recorded in ZooKeeper: one node {@code /checkpoints/<jobId>/<id>}
 * (the id zero-padded to 19 digits) per retained checkpoint, holding the URI of the checkpoint's
 * directory, whose {@code _metadata} describes it. A new leader restores the newest of exactly these,
 * never a directory that a scan would find but whose completion was not recorded.
 */
public final class ZooKeeperCompletedCheckpointPointers implements CompletedCheckpointPointers {

    static final String ROOT = "/checkpoints";
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperCompletedCheckpointPointers.class);

    private final CuratorFramework client;
    private final String jobPath;

    public ZooKeeperCompletedCheckpointPointers(CuratorFramework client, String jobId) {
        this.client = client;
        this.jobPath = ROOT + "/" + jobId;
    }

    @Override
    public void add(CompletedCheckpoint checkpoint) throws Exception {
        byte[] directory = checkpoint.directory().getBytes(StandardCharsets.UTF_8);
        String node = node(checkpoint.checkpointId());
        try {
            client.create().creatingParentsIfNeeded().forPath(node, directory);
        } catch (KeeperException.NodeExistsException e) {
            client.setData().forPath(node, directory); // a retried create after a lost connection
        }
    }

    @Override
    public void remove(long checkpointId) throws Exception {
        try {
            client.delete().forPath(node(checkpointId));
        } catch (KeeperException.NoNodeException e) {
            // already gone
        }
    }

    @Override
    public Optional<CompletedCheckpoint> latestUsable(FileSystem fs, Path jobDirectory) throws IOException {
        List<String> ids;
        List<Path> directories = new ArrayList<>();
        try {
            ids = new ArrayList<>(client.getChildren().forPath(jobPath));
            ids.sort(Comparator.comparingLong((String id) -> Long.parseLong(id)).reversed());
            for (String id : ids) {
                directories.add(new Path(new String(client.getData().forPath(jobPath + "/" + id), StandardCharsets.UTF_8)));
            }
        } catch (KeeperException.NoNodeException e) {
            ids = List.of();
        } catch (Exception e) {
            throw new IOException("Could not read the completed checkpoints of the job from ZooKeeper (" + jobPath + "): "
                    + e.getMessage(), e);
        }
        LOG.info("ZooKeeper records {} completed checkpoint(s) at {}: {}", ids.size(), jobPath, ids);
        return CheckpointRecovery.firstUsable(fs, directories);
    }

    private String node(long checkpointId) {
        return jobPath + "/" + String.format("%019d", checkpointId);
    }
}
