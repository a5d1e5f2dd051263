package org.millrace.runtime.highavailability;

import org.apache.curator.framework.CuratorFramework;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.zookeeper.KeeperException;
import org.millrace.api.common.JobID;
import org.millrace.runtime.checkpoint.CheckpointIdCounter;
import org.millrace.runtime.checkpoint.CheckpointRecoveryFactory;
import org.millrace.runtime.checkpoint.CompletedCheckpointPointers;

/**
 * The ZooKeeper HA services' choice of checkpoint records: ids in {@link ZooKeeperCheckpointIdCounter},
 * completed checkpoints in {@link ZooKeeperCompletedCheckpointPointers}; both removed when the job
 * reaches a terminal state, kept when it is only suspended.
 */
public final class ZooKeeperCheckpointRecoveryFactory implements CheckpointRecoveryFactory {

    private final CuratorFramework client;

    public ZooKeeperCheckpointRecoveryFactory(CuratorFramework client) {
        this.client = client;
    }

    @Override
    public CheckpointIdCounter createIdCounter(JobID jobId, FileSystem fs, Path jobDirectory) {
        return new ZooKeeperCheckpointIdCounter(client, jobId.toString());
    }

    @Override
    public CompletedCheckpointPointers createPointers(JobID jobId) {
        return new ZooKeeperCompletedCheckpointPointers(client, jobId.toString());
    }

    @Override
    public void cleanUp(JobID jobId) throws Exception {
        for (String root : new String[] {ZooKeeperCompletedCheckpointPointers.ROOT, ZooKeeperCheckpointIdCounter.ROOT}) {
            try {
                client.delete().deletingChildrenIfNeeded().forPath(root + "/" + jobId);
            } catch (KeeperException.NoNodeException e) {
                // nothing recorded: the job took no checkpoints
            }
        }
    }
}
